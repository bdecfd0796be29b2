using Prism.Compute.Kinds.Telecom;

namespace Prism.KindReferences;

/// <summary>
/// Plain single-threaded references of <c>telecom.optimize</c>, written for clarity: Floyd-Warshall
/// all-pairs latencies (tests, small graphs) and one Dijkstra per demand with no sharing (the
/// benchmark baseline).
/// </summary>
public static class RoutingReference
{
    public static double[,] FloydWarshall(RoutingGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) d[i, j] = i == j ? 0 : double.PositiveInfinity;
        for (var e = 0; e < graph.LinkCount; e++)
        {
            int a = graph.LinkA[e], b = graph.LinkB[e];
            d[a, b] = d[b, a] = Math.Min(d[a, b], graph.Latency[e]);
        }
        for (var k = 0; k < n; k++)
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    if (d[i, k] + d[k, j] < d[i, j]) d[i, j] = d[i, k] + d[k, j];
        return d;
    }

    /// <summary>Shortest latency of each demand (+∞ when unreachable), one full search per demand.</summary>
    public static double[] Latencies(RoutingGraph graph, RoutingDemand[] demands)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(demands);
        var neighbours = new List<(int Node, double Latency)>[graph.NodeCount];
        for (var v = 0; v < graph.NodeCount; v++) neighbours[v] = [];
        for (var e = 0; e < graph.LinkCount; e++)
        {
            neighbours[graph.LinkA[e]].Add((graph.LinkB[e], graph.Latency[e]));
            neighbours[graph.LinkB[e]].Add((graph.LinkA[e], graph.Latency[e]));
        }
        var result = new double[demands.Length];
        for (var i = 0; i < demands.Length; i++)
        {
            var distance = new double[graph.NodeCount];
            Array.Fill(distance, double.PositiveInfinity);
            var done = new bool[graph.NodeCount];
            var queue = new PriorityQueue<int, double>();
            distance[demands[i].Source] = 0;
            queue.Enqueue(demands[i].Source, 0);
            while (queue.TryDequeue(out var u, out _))
            {
                if (done[u]) continue;
                done[u] = true;
                foreach (var (v, latency) in neighbours[u])
                {
                    if (distance[u] + latency >= distance[v]) continue;
                    distance[v] = distance[u] + latency;
                    queue.Enqueue(v, distance[v]);
                }
            }
            result[i] = distance[demands[i].Destination];
        }
        return result;
    }
}
