using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Telecom;

/// <summary>
/// ILGPU engine of <c>telecom.optimize</c>: Bellman-Ford for a batch of sources in parallel, sweeps
/// until nothing improves (at most nodes − 1). Costs are positive, so the fixpoint is the same set of
/// doubles Dijkstra computes.
/// </summary>
public sealed class ShortestPathIlgpuEngine : IShortestPathEngine
{
    /// <summary>Most distances held on the device at once per buffer (sources × nodes).</summary>
    private const int MaxCells = 1 << 24;

    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ShortestPathKernelParams> _kernel;

    public ShortestPathIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU shortest-path engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ShortestPathKernelParams>(ShortestPathKernels.Relax);
    }

    public async Task<double[]> DistancesAsync(RoutingGraph graph, double[] cost, int[] sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sources);
        var n = graph.NodeCount;
        var distances = new double[sources.Length * n];
        var batch = Math.Max(1, MaxCells / n);
        return await _device.LaunchAsync(accelerator =>
        {
            using var offsets = accelerator.Allocate1D(graph.Offsets);
            using var arcNode = accelerator.Allocate1D(graph.ArcNode.Length == 0 ? [0] : graph.ArcNode);
            using var arcLink = accelerator.Allocate1D(graph.ArcLink.Length == 0 ? [0] : graph.ArcLink);
            using var costs = accelerator.Allocate1D(cost.Length == 0 ? [0.0] : cost);
            using var changed = accelerator.Allocate1D<int>(1);
            for (var first = 0; first < sources.Length; first += batch)
            {
                var count = Math.Min(batch, sources.Length - first);
                var initial = new double[count * n];
                Array.Fill(initial, double.PositiveInfinity);
                for (var s = 0; s < count; s++) initial[s * n + sources[first + s]] = 0;
                using var a = accelerator.Allocate1D(initial);
                using var b = accelerator.Allocate1D<double>(initial.Length);
                var (current, next) = (a, b);
                for (var sweep = 0; sweep < n; sweep++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    changed.MemSetToZero();
                    _kernel(count * n, offsets.View, arcNode.View, arcLink.View, costs.View, current.View, next.View, changed.View, new ShortestPathKernelParams(n));
                    accelerator.Synchronize();
                    (current, next) = (next, current);
                    if (changed.GetAsArray1D()[0] == 0) break;
                }
                current.View.AsContiguous().CopyToCPU(distances.AsSpan(first * n, count * n));
            }
            return distances;
        }, cancellationToken).ConfigureAwait(false);
    }
}
