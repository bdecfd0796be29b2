namespace Prism.Compute.Kinds.Telecom;

/// <summary>Dijkstra with a binary heap and lazy deletion, optionally stopping once one node is settled.</summary>
public static class Dijkstra
{
    /// <summary>
    /// Fills <paramref name="distance"/> from <paramref name="source"/>. With <paramref name="stopAt"/> ≥ 0
    /// it stops when that node is settled: every node closer than it is then final, which is all
    /// <see cref="RoutePaths.Trace"/> needs.
    /// </summary>
    public static void Run(RoutingGraph graph, double[] cost, int source, Span<double> distance, PriorityQueue<int, double> heap, int stopAt)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(heap);
        distance.Fill(double.PositiveInfinity);
        heap.Clear();
        distance[source] = 0;
        heap.Enqueue(source, 0);
        while (heap.TryDequeue(out var u, out var du))
        {
            if (du > distance[u]) continue;
            if (u == stopAt) return;
            for (var a = graph.Offsets[u]; a < graph.Offsets[u + 1]; a++)
            {
                var v = graph.ArcNode[a];
                var candidate = du + cost[graph.ArcLink[a]];
                if (candidate < distance[v])
                {
                    distance[v] = candidate;
                    heap.Enqueue(v, candidate);
                }
            }
        }
    }
}
