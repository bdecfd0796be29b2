namespace Prism.Compute.Kinds.Causal;

/// <summary>The heavy part of <c>causal.transfer-entropy</c>: TE for every ordered pair of series.</summary>
public interface ITransferEntropyEngine
{
    /// <summary>Returns K·K values, row-major: <c>[x·K + y]</c> = TE(x → y) in bits, 0 on the diagonal.</summary>
    Task<double[]> MatrixAsync(TransferEntropyBatch batch, CancellationToken cancellationToken);
}
