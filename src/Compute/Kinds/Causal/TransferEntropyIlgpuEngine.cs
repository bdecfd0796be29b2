using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Causal;

/// <summary>ILGPU engine of <c>causal.transfer-entropy</c>: one thread per ordered pair on the process's accelerator.</summary>
public sealed class TransferEntropyIlgpuEngine : ITransferEntropyEngine
{
    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<byte>, ArrayView<int>, ArrayView<byte>, ArrayView<int>, ArrayView<long>, ArrayView<long>, ArrayView<double>, TransferEntropyKernelParams> _kernel;

    public TransferEntropyIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU transfer-entropy engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<byte>, ArrayView<int>, ArrayView<byte>, ArrayView<int>, ArrayView<long>, ArrayView<long>, ArrayView<double>, TransferEntropyKernelParams>(TransferEntropyKernels.PairEntropy);
    }

    public async Task<double[]> MatrixAsync(TransferEntropyBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var k = batch.SeriesCount;
        return await _device.LaunchAsync(accelerator =>
        {
            using var sourceBins = accelerator.Allocate1D(batch.SourceBinsByTime);
            using var order = accelerator.Allocate1D(batch.Order);
            using var ahead = accelerator.Allocate1D(batch.Ahead);
            using var groupStart = accelerator.Allocate1D(batch.GroupStart);
            using var targetTerms = accelerator.Allocate1D(batch.TargetTerms);
            using var countLog = accelerator.Allocate1D(batch.CountLog);
            using var matrix = accelerator.Allocate1D<double>(k * k);
            _kernel(k * k, sourceBins.View, order.View, ahead.View, groupStart.View, targetTerms.View, countLog.View, matrix.View,
                new TransferEntropyKernelParams(k, batch.SampleCount, batch.Bins));
            accelerator.Synchronize();
            return matrix.GetAsArray1D();
        }, cancellationToken).ConfigureAwait(false);
    }
}
