using ILGPU;

namespace Prism.Compute.Kinds.Telecom;

/// <summary>ILGPU kernels of <c>telecom.optimize</c>.</summary>
public static class ShortestPathKernels
{
    /// <summary>
    /// One Bellman-Ford sweep for many sources at once, one thread per (source, node): the node pulls
    /// min(d(u) + cost) over its arcs from the current distances and writes the next ones (double
    /// buffered, so no thread reads what another writes in the same sweep); any improvement sets the flag.
    /// </summary>
    public static void Relax(
        Index1D index,
        ArrayView<int> offsets,
        ArrayView<int> arcNode,
        ArrayView<int> arcLink,
        ArrayView<double> cost,
        ArrayView<double> current,
        ArrayView<double> next,
        ArrayView<int> changed,
        ShortestPathKernelParams p)
    {
        int cell = index;
        var row = (long)(cell / p.Nodes) * p.Nodes;
        var v = cell % p.Nodes;
        var here = current[row + v];
        var best = here;
        for (var a = offsets[v]; a < offsets[v + 1]; a++)
        {
            var candidate = current[row + arcNode[a]] + cost[arcLink[a]];
            if (candidate < best) best = candidate;
        }
        next[row + v] = best;
        if (best < here) Atomic.Or(ref changed[0], 1);
    }
}
