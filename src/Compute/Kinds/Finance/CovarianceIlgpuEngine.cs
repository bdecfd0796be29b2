using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Finance;

/// <summary>ILGPU engine of <c>finance.optimize</c>'s covariance: one thread per matrix entry.</summary>
public sealed class CovarianceIlgpuEngine : ICovarianceEngine
{
    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, CovarianceKernelParams> _kernel;

    public CovarianceIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU covariance engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, CovarianceKernelParams>(CovarianceKernels.Covariance);
    }

    public async Task<double[]> CovarianceAsync(double[] centered, int periods, int assets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(centered);
        return await _device.LaunchAsync(accelerator =>
        {
            using var x = accelerator.Allocate1D(centered);
            using var cov = accelerator.Allocate1D<double>((long)assets * assets);
            _kernel(assets * assets, x.View, cov.View, new CovarianceKernelParams(periods, assets));
            accelerator.Synchronize();
            return cov.GetAsArray1D();
        }, cancellationToken).ConfigureAwait(false);
    }
}
