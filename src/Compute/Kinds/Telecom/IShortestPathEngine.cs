namespace Prism.Compute.Kinds.Telecom;

/// <summary>The heavy part of <c>telecom.optimize</c>: shortest-path distances from many sources at once.</summary>
public interface IShortestPathEngine
{
    /// <summary>
    /// Distances (sum of <paramref name="cost"/> per link, +∞ when unreachable) from each of
    /// <paramref name="sources"/> to every node, row-major sources × nodes. Every engine returns
    /// the same doubles: the unique fixpoint of d(v) = min over arcs (d(u) + cost), costs being positive.
    /// </summary>
    Task<double[]> DistancesAsync(RoutingGraph graph, double[] cost, int[] sources, CancellationToken cancellationToken);
}
