using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Pixels;

/// <summary>ILGPU engine of <c>pixels.segment</c>: one thread per pixel, three launches, labels copied back.</summary>
public sealed class SegmentIlgpuEngine : ISegmentEngine
{
    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<ushort>, ArrayView<int>, SegmentKernelParams> _init;
    private readonly Action<Index1D, ArrayView<ushort>, ArrayView<int>, SegmentKernelParams> _merge;
    private readonly Action<Index1D, ArrayView<int>> _resolve;

    public SegmentIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU segmentation engine needs an accelerator.");
        _init = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<ushort>, ArrayView<int>, SegmentKernelParams>(SegmentKernels.Init);
        _merge = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<ushort>, ArrayView<int>, SegmentKernelParams>(SegmentKernels.Merge);
        _resolve = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>>(SegmentKernels.Resolve);
    }

    public async Task<int[]> LabelAsync(ushort[] pixels, int width, int height, int threshold, int connectivity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        return await _device.LaunchAsync(accelerator =>
        {
            using var frame = accelerator.Allocate1D(pixels);
            using var labels = accelerator.Allocate1D<int>(pixels.Length);
            var p = new SegmentKernelParams(width, threshold, connectivity);
            _init(pixels.Length, frame.View, labels.View, p);
            _merge(pixels.Length, frame.View, labels.View, p);
            _resolve(pixels.Length, labels.View);
            accelerator.Synchronize();
            return labels.GetAsArray1D();
        }, cancellationToken).ConfigureAwait(false);
    }
}
