using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Graph;

/// <summary>
/// ILGPU engine of <c>graph.color</c>: one thread per tabu chain. Chains are launched in batches whose
/// γ and tabu tables fit <see cref="MaxTableInts"/>; a batch after a solved one is not launched.
/// </summary>
public sealed class ColoringIlgpuEngine : IColoringEngine
{
    /// <summary>Most ints of γ + tabu tables held on the device at once (1 GiB).</summary>
    public const long MaxTableInts = 256L * 1024 * 1024;

    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, TabuKernelParams> _kernel;

    public ColoringIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU colouring engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, TabuKernelParams>(ColoringKernels.TabuSearch);
    }

    public async Task<int[]?> ReduceAsync(ColoringGraph graph, int[] start, int colors, TabuBudget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(start);
        // A chain moves a vertex to another colour: one colour leaves no move.
        ArgumentOutOfRangeException.ThrowIfLessThan(colors, 2);
        int n = graph.VertexCount, chains = budget.Attempts;
        return await _device.LaunchAsync<int[]?>(accelerator =>
        {
            using var rowStart = accelerator.Allocate1D(graph.RowStart);
            using var neighbors = accelerator.Allocate1D(graph.Neighbors.Length == 0 ? [0] : graph.Neighbors);
            using var startColors = accelerator.Allocate1D(start);
            var batch = (int)Math.Clamp(MaxTableInts / (2L * n * colors), 1, chains);
            using var chainColors = accelerator.Allocate1D<int>((long)batch * n);
            using var table = accelerator.Allocate1D<int>((long)batch * 2 * n * colors);
            using var scratch = accelerator.Allocate1D<int>((long)batch * 2 * n);
            using var outcome = accelerator.Allocate1D<int>(batch + 1);
            var initialOutcome = new int[batch + 1];
            initialOutcome[0] = int.MaxValue;

            for (var first = 0; first < chains; first += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var size = Math.Min(batch, chains - first);
                outcome.CopyFromCPU(initialOutcome);
                _kernel(size, rowStart.View, neighbors.View, startColors.View, chainColors.View, table.View, scratch.View, outcome.View,
                    new TabuKernelParams(n, colors, budget.Iterations, budget.Seed, first));
                accelerator.Synchronize();

                var winner = outcome.GetAsArray1D()[0];
                if (winner == int.MaxValue) continue;
                var result = new int[n];
                chainColors.View.SubView((long)(winner - first) * n, n).CopyToCPU(result);
                return result;
            }
            return null;
        }, cancellationToken).ConfigureAwait(false);
    }
}
