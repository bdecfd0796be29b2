using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Pwsa;

/// <summary>ILGPU engine of <c>pwsa.fuse</c>: one thread per track on the process's accelerator.</summary>
public sealed class FuseIlgpuEngine : IFuseEngine
{
    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<double>, FuseKernelParams> _kernel;

    public FuseIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU fuse engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<double>, FuseKernelParams>(FuseKernels.Filter);
    }

    public async Task<double[]> FilterAsync(FuseBatch batch, double q, double r, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return await _device.LaunchAsync(accelerator =>
        {
            using var offsets = accelerator.Allocate1D(batch.Offsets);
            using var times = accelerator.Allocate1D(batch.Times);
            using var positions = accelerator.Allocate1D(batch.Positions);
            using var output = accelerator.Allocate1D<double>(batch.TrackCount * FuseMath.OutputStride);
            _kernel(batch.TrackCount, offsets.View, times.View, positions.View, output.View, new FuseKernelParams(q, r));
            accelerator.Synchronize();
            return output.GetAsArray1D();
        }, cancellationToken).ConfigureAwait(false);
    }
}
