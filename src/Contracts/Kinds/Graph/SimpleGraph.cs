namespace Prism.Contracts.Kinds.Graph;

/// <summary>
/// A simple undirected graph after merging: every edge once, as (<see cref="EdgeU"/>[i] &lt;
/// <see cref="EdgeV"/>[i]), sorted by (u, v).
/// </summary>
public sealed record SimpleGraph(int VertexCount, int[] EdgeU, int[] EdgeV)
{
    public int EdgeCount => EdgeU.Length;
}
