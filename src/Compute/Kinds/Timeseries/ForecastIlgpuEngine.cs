using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Timeseries;

/// <summary>ILGPU engine of <c>timeseries.forecast</c>: one thread per series on the process's accelerator.</summary>
public sealed class ForecastIlgpuEngine : IForecastEngine
{
    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ForecastKernelParams> _kernel;

    public ForecastIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU forecast engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ForecastKernelParams>(ForecastKernels.FitAndForecast);
    }

    public async Task<ArForecasts> ForecastAsync(ForecastBatch batch, int order, int horizon, double z, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var count = batch.SeriesCount;
        return await _device.LaunchAsync(accelerator =>
        {
            using var offsets = accelerator.Allocate1D(batch.Offsets);
            using var values = accelerator.Allocate1D(batch.Values);
            using var scratch = accelerator.Allocate1D<double>((long)count * ArMath.ScratchStride(order));
            using var status = accelerator.Allocate1D<int>(count);
            using var coefficients = accelerator.Allocate1D<double>((long)count * (order + 1));
            using var sigma = accelerator.Allocate1D<double>(count);
            using var mean = accelerator.Allocate1D<double>((long)count * horizon);
            using var halfWidth = accelerator.Allocate1D<double>((long)count * horizon);
            _kernel(count, offsets.View, values.View, scratch.View, status.View, coefficients.View, sigma.View, mean.View, halfWidth.View,
                new ForecastKernelParams(order, horizon, z));
            accelerator.Synchronize();
            return new ArForecasts(status.GetAsArray1D(), coefficients.GetAsArray1D(), sigma.GetAsArray1D(), mean.GetAsArray1D(), halfWidth.GetAsArray1D());
        }, cancellationToken).ConfigureAwait(false);
    }
}
