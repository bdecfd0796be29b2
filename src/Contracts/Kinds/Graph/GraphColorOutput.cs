namespace Prism.Contracts.Kinds.Graph;

/// <summary>Output of <c>graph.color</c>: always a proper colouring, the one with the fewest colours found.</summary>
public sealed record GraphColorOutput
{
    /// <summary>Number of distinct colours in <see cref="Colors"/>.</summary>
    public required int ColorCount { get; init; }

    /// <summary>Colour of each vertex, 0..colorCount-1 (numbered in order of first appearance).</summary>
    public required int[] Colors { get; init; }

    /// <summary>True when no edge joins two vertices of the same colour (checked independently of the search).</summary>
    public required bool Valid { get; init; }

    /// <summary>Edges whose ends share a colour (0 for a valid colouring).</summary>
    public required int Conflicts { get; init; }

    /// <summary>True when <c>maxColors</c> was absent or <see cref="ColorCount"/> ≤ <c>maxColors</c>.</summary>
    public required bool MaxColorsMet { get; init; }
}
