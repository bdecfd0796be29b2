namespace Prism.Compute.Kinds.Causal;

/// <summary>
/// Managed CPU engine: ordered pairs in parallel. For a pair, the target's samples are walked group
/// by group of its present state b; within a group a bins² histogram of (a, c) and a bins histogram
/// of c (at most 4 KB, L1-resident) give the S_abc and S_bc terms, and are cleared by revisiting only
/// the touched entries.
/// </summary>
public sealed class TransferEntropyCpuEngine : ITransferEntropyEngine
{
    public Task<double[]> MatrixAsync(TransferEntropyBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int k = batch.SeriesCount, bins = batch.Bins;
        var matrix = new double[k * k];
        Parallel.For(0, k * k, ComputeThreads.Options(cancellationToken),
            () => (Joint: new int[bins * bins], Source: new int[bins]),
            (pair, _, histograms) =>
            {
                int x = pair / k, y = pair % k;
                if (x != y) matrix[pair] = PairBits(batch, x, y, histograms.Joint, histograms.Source);
                return histograms;
            },
            _ => { });
        return Task.FromResult(matrix);
    }

    private static double PairBits(TransferEntropyBatch batch, int x, int y, int[] joint, int[] source)
    {
        int n = batch.SampleCount, bins = batch.Bins;
        var c = batch.SourceBins.AsSpan(x * batch.Length, batch.Length);
        var order = batch.Order.AsSpan(y * n, n);
        var ahead = batch.Ahead.AsSpan(y * n, n);
        var starts = batch.GroupStart.AsSpan(y * (bins + 1), bins + 1);
        var table = batch.CountLog;
        var sum = batch.TargetTerms[y];

        for (var b = 0; b < bins; b++)
        {
            int from = starts[b], to = starts[b + 1];
            for (var j = from; j < to; j++)
            {
                int cj = c[order[j]];
                joint[ahead[j] * bins + cj]++;
                source[cj]++;
            }
            for (var j = from; j < to; j++)
            {
                int cj = c[order[j]];
                ref var nj = ref joint[ahead[j] * bins + cj];
                sum += table[nj];
                nj = 0;
                ref var ns = ref source[cj];
                sum -= table[ns];
                ns = 0;
            }
        }
        return TransferEntropyMath.Bits(sum, n);
    }
}
