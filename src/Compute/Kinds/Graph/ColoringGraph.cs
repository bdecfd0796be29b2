using Prism.Contracts.Kinds.Graph;

namespace Prism.Compute.Kinds.Graph;

/// <summary>A simple undirected graph in compressed sparse rows: the neighbours of v are <c>Neighbors[RowStart[v]..RowStart[v+1]]</c>, ascending.</summary>
public sealed class ColoringGraph
{
    private ColoringGraph(SimpleGraph edges, int[] rowStart, int[] neighbors)
    {
        Edges = edges;
        RowStart = rowStart;
        Neighbors = neighbors;
    }

    public SimpleGraph Edges { get; }
    public int VertexCount => Edges.VertexCount;
    public int[] RowStart { get; }
    public int[] Neighbors { get; }

    public int Degree(int v) => RowStart[v + 1] - RowStart[v];

    public ReadOnlySpan<int> NeighborsOf(int v) => Neighbors.AsSpan(RowStart[v], Degree(v));

    public bool Adjacent(int u, int v) => NeighborsOf(u).BinarySearch(v) >= 0;

    public static ColoringGraph From(SimpleGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        var rowStart = new int[n + 1];
        for (var i = 0; i < graph.EdgeCount; i++)
        {
            rowStart[graph.EdgeU[i] + 1]++;
            rowStart[graph.EdgeV[i] + 1]++;
        }
        for (var v = 0; v < n; v++) rowStart[v + 1] += rowStart[v];
        var fill = rowStart[..n];
        var neighbors = new int[rowStart[n]];
        for (var i = 0; i < graph.EdgeCount; i++)
        {
            int u = graph.EdgeU[i], v = graph.EdgeV[i];
            neighbors[fill[u]++] = v;
            neighbors[fill[v]++] = u;
        }
        for (var v = 0; v < n; v++) Array.Sort(neighbors, rowStart[v], rowStart[v + 1] - rowStart[v]);
        return new ColoringGraph(graph, rowStart, neighbors);
    }

    /// <summary>Builds from 0-based pairs (tests and benchmarks); duplicates and reversed pairs are merged.</summary>
    public static ColoringGraph FromPairs(int vertexCount, IEnumerable<(int U, int V)> pairs)
    {
        var keys = pairs.Select(p => p.U < p.V ? (p.U, p.V) : (p.V, p.U)).Distinct().Order().ToArray();
        return From(new SimpleGraph(vertexCount, [.. keys.Select(k => k.Item1)], [.. keys.Select(k => k.Item2)]));
    }
}
