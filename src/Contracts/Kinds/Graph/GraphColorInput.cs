namespace Prism.Contracts.Kinds.Graph;

/// <summary>
/// Input of <c>graph.color</c>: a simple undirected graph, either as <see cref="VertexCount"/> +
/// <see cref="Edges"/> (0-based) or as the text of a DIMACS <c>.col</c> file (exactly one form).
/// </summary>
public sealed record GraphColorInput
{
    public int? VertexCount { get; init; }

    /// <summary>Edges as [u, v] pairs, 0-based; duplicates and both directions are merged.</summary>
    public int[][]? Edges { get; init; }

    /// <summary>The text of a DIMACS <c>.col</c> file (<c>c</c> comments, one <c>p edge n m</c> line, <c>e u v</c> lines, 1-based).</summary>
    public string? Dimacs { get; init; }

    /// <summary>Colour count to reach; the search stops as soon as it is met. Absent: as few as the budget finds.</summary>
    public int? MaxColors { get; init; }

    /// <summary>Independent tabu-search chains run for each colour count tried.</summary>
    public int Attempts { get; init; } = GraphColorKind.DefaultAttempts;

    /// <summary>Most tabu iterations per chain for each colour count tried.</summary>
    public int Iterations { get; init; } = GraphColorKind.DefaultIterations;

    /// <summary>Seed of every chain's random choices: the same seed on the same engine gives the same colouring.</summary>
    public long Seed { get; init; }
}
