using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Finance;

/// <summary>ILGPU engine of <c>finance.risk</c>: one thread per path on the process's accelerator.</summary>
public sealed class RiskIlgpuEngine : IRiskEngine
{
    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, RiskKernelParams> _kernel;

    public RiskIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU risk engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, RiskKernelParams>(RiskKernels.Losses);
    }

    public async Task SimulateAsync(RiskModel model, long firstPath, int count, double[] losses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(losses);
        await _device.LaunchAsync(accelerator =>
        {
            using var loadings = accelerator.Allocate1D(model.Loadings);
            using var buffer = accelerator.Allocate1D<double>(count);
            _kernel(count, loadings.View, buffer.View,
                new RiskKernelParams(model.Key, firstPath, model.Horizon, model.Assets, model.MeanReturn, model.PortfolioValue));
            accelerator.Synchronize();
            buffer.View.AsContiguous().CopyToCPU(losses.AsSpan(0, count));
        }, cancellationToken).ConfigureAwait(false);
    }
}
