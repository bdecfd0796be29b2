using Prism.Contracts.Kinds.Telecom;

namespace Prism.Compute.Kinds.Telecom;

/// <summary>
/// An undirected multigraph in CSR form: the arcs of node v are Offsets[v]..Offsets[v+1], each to
/// ArcNode[a] over link ArcLink[a], in link order. Nodes and links are indexed in input order.
/// </summary>
public sealed class RoutingGraph
{
    private RoutingGraph(string[] ids, int[] linkA, int[] linkB, double[] latency, double[] bandwidth)
    {
        Ids = ids;
        LinkA = linkA;
        LinkB = linkB;
        Latency = latency;
        Bandwidth = bandwidth;
        var n = ids.Length;
        Offsets = new int[n + 1];
        foreach (var a in linkA) Offsets[a + 1]++;
        foreach (var b in linkB) Offsets[b + 1]++;
        for (var v = 0; v < n; v++) Offsets[v + 1] += Offsets[v];
        ArcNode = new int[2 * linkA.Length];
        ArcLink = new int[2 * linkA.Length];
        var next = Offsets[..n];
        for (var e = 0; e < linkA.Length; e++)
        {
            int a = linkA[e], b = linkB[e];
            ArcNode[next[a]] = b;
            ArcLink[next[a]++] = e;
            ArcNode[next[b]] = a;
            ArcLink[next[b]++] = e;
        }
    }

    public string[] Ids { get; }
    public int NodeCount => Ids.Length;
    public int LinkCount => LinkA.Length;
    public int[] LinkA { get; }
    public int[] LinkB { get; }
    public double[] Latency { get; }
    public double[] Bandwidth { get; }
    public int[] Offsets { get; }
    public int[] ArcNode { get; }
    public int[] ArcLink { get; }

    /// <summary>Builds the graph of a validated input; also returns the node index of every id.</summary>
    public static (RoutingGraph Graph, Dictionary<string, int> IndexOf) From(TelecomOptimizeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ids = input.Nodes!.Select(n => n.Id!).ToArray();
        var indexOf = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++) indexOf[ids[i]] = i;
        var links = input.Links ?? [];
        var graph = new RoutingGraph(
            ids,
            [.. links.Select(l => indexOf[l.Source!])],
            [.. links.Select(l => indexOf[l.Target!])],
            [.. links.Select(l => l.LatencyMs)],
            [.. links.Select(l => l.Bandwidth)]);
        return (graph, indexOf);
    }
}
