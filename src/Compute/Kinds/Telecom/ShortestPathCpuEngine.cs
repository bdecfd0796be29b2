namespace Prism.Compute.Kinds.Telecom;

/// <summary>Managed CPU engine: Dijkstra (binary heap) per source, sources in parallel.</summary>
public sealed class ShortestPathCpuEngine : IShortestPathEngine
{
    public Task<double[]> DistancesAsync(RoutingGraph graph, double[] cost, int[] sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sources);
        var n = graph.NodeCount;
        var distances = new double[sources.Length * n];
        Parallel.For(0, sources.Length, ComputeThreads.Options(cancellationToken), () => new PriorityQueue<int, double>(), (i, _, heap) =>
        {
            Dijkstra.Run(graph, cost, sources[i], distances.AsSpan(i * n, n), heap, stopAt: -1);
            return heap;
        }, _ => { });
        return Task.FromResult(distances);
    }
}
