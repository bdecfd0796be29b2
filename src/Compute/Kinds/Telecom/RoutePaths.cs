namespace Prism.Compute.Kinds.Telecom;

/// <summary>
/// Turns distances into a route, deterministically: walking back from the destination, each node's
/// predecessor is, among the links that reach it on a shortest path (d(u) + cost = d(v) exactly, with
/// d(u) &lt; d(v)), the one from the lowest-indexed node, then the lowest link index. The rule only
/// reads distances, so every engine that computes the same distances picks the same route.
/// </summary>
public static class RoutePaths
{
    public static NetworkRoute Trace(RoutingGraph graph, double[] cost, ReadOnlySpan<double> distance, int source, int destination)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(cost);
        var nodes = new List<int> { destination };
        var links = new List<int>();
        var v = destination;
        while (v != source)
        {
            int bestNode = int.MaxValue, bestLink = int.MaxValue;
            for (var a = graph.Offsets[v]; a < graph.Offsets[v + 1]; a++)
            {
                int u = graph.ArcNode[a], e = graph.ArcLink[a];
                if (!(distance[u] < distance[v]) || distance[u] + cost[e] != distance[v]) continue;
                if (u < bestNode || (u == bestNode && e < bestLink)) (bestNode, bestLink) = (u, e);
            }
            if (bestLink == int.MaxValue) throw new InvalidOperationException($"No shortest-path predecessor of node {v}: the distances are inconsistent.");
            nodes.Add(bestNode);
            links.Add(bestLink);
            v = bestNode;
        }
        nodes.Reverse();
        links.Reverse();
        var latency = 0.0;
        foreach (var e in links) latency += graph.Latency[e];
        return new NetworkRoute([.. nodes], [.. links], latency);
    }
}
