using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// ILGPU engine of <c>pixels.entropy</c>: one thread per pixel on the process's accelerator. A batch
/// is one launch per frame shape over the frames laid back to back.
/// </summary>
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
        return await _device.LaunchAsync(accelerator =>
        {
            using var binOf = accelerator.Allocate1D(frame.BinOf);
            using var countLog = accelerator.Allocate1D(EntropyMath.CountLogTable(window * window));
            using var map = accelerator.Allocate1D<double>(frame.BinOf.Length);
            _kernel(frame.BinOf.Length, binOf.View, countLog.View, map.View, new EntropyKernelParams(frame.Width, frame.Height, window / 2));
            accelerator.Synchronize();
            return map.GetAsArray1D();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<double[][]> LocalEntropyBatchAsync(IReadOnlyList<EntropyFrameJob> frames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var maps = new double[frames.Count][];
        foreach (var shape in Enumerable.Range(0, frames.Count).GroupBy(i => (frames[i].Frame.Width, frames[i].Frame.Height, frames[i].Window)))
        {
            var (width, height, window) = shape.Key;
            var members = shape.ToArray();
            var frameSize = width * height;
            var binOf = new byte[members.Length * frameSize];
            for (var m = 0; m < members.Length; m++) frames[members[m]].Frame.BinOf.CopyTo(binOf, m * frameSize);

            var all = await _device.LaunchAsync(accelerator =>
            {
                using var binOfBuffer = accelerator.Allocate1D(binOf);
                using var countLog = accelerator.Allocate1D(EntropyMath.CountLogTable(window * window));
                using var map = accelerator.Allocate1D<double>(binOf.Length);
                _kernel(binOf.Length, binOfBuffer.View, countLog.View, map.View, new EntropyKernelParams(width, height, window / 2));
                accelerator.Synchronize();
                return map.GetAsArray1D();
            }, cancellationToken).ConfigureAwait(false);
            for (var m = 0; m < members.Length; m++) maps[members[m]] = all.AsSpan(m * frameSize, frameSize).ToArray();
        }
        return maps;
    }
}
