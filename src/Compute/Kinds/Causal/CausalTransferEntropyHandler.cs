using Prism.Contracts;
using Prism.Contracts.Kinds.Causal;

namespace Prism.Compute.Kinds.Causal;

/// <summary><c>causal.transfer-entropy</c>: bin and group on the host, count pairs on the engine, shape the matrix.</summary>
public sealed class CausalTransferEntropyHandler(ITransferEntropyEngine engine) : KindHandler<CausalTransferEntropyInput, CausalTransferEntropyOutput>
{
    public override string Kind => JobKinds.CausalTransferEntropy;

    protected override async Task<CausalTransferEntropyOutput> ExecuteAsync(CausalTransferEntropyInput input, CancellationToken cancellationToken)
    {
        var batch = TransferEntropyMath.Prepare(input.Series!, input.Lag, input.Bins, cancellationToken);
        var flat = await engine.MatrixAsync(batch, cancellationToken).ConfigureAwait(false);
        var k = batch.SeriesCount;
        var matrix = new double[k][];
        for (var x = 0; x < k; x++) matrix[x] = flat.AsSpan(x * k, k).ToArray();
        return new CausalTransferEntropyOutput { Matrix = matrix };
    }
}
