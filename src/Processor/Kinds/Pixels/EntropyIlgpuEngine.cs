using ILGPU;
using ILGPU.Runtime;
using Prism.Processor.Compute;

namespace Prism.Processor.Kinds.Pixels;

/// <summary>ILGPU engine of <c>pixels.entropy</c>: one thread per pixel on the process's accelerator.</summary>
public sealed class EntropyIlgpuEngine : IEntropyEngine
{
    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<byte>, ArrayView<long>, ArrayView<double>, EntropyKernelParams> _kernel;

    public EntropyIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU entropy engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<byte>, ArrayView<long>, ArrayView<double>, EntropyKernelParams>(EntropyKernels.LocalEntropy);
    }

    public async Task<double[]> LocalEntropyAsync(BinnedFrame frame, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var accelerator = _device.Accelerator!;
        await _device.LaunchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var binOf = accelerator.Allocate1D(frame.BinOf);
            using var countLog = accelerator.Allocate1D(EntropyMath.CountLogTable(window * window));
            using var map = accelerator.Allocate1D<double>(frame.BinOf.Length);
            _kernel(frame.BinOf.Length, binOf.View, countLog.View, map.View, new EntropyKernelParams(frame.Width, frame.Height, window / 2));
            accelerator.Synchronize();
            return map.GetAsArray1D();
        }
        finally
        {
            _device.LaunchGate.Release();
        }
    }
}
