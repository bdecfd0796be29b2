using Prism.Contracts.Kinds.Finance;

namespace Prism.Compute.Kinds.Finance;

/// <summary>
/// Loss statistics of <c>finance.risk</c> without holding every loss: an exact two-pass quantile.
/// Pass 1 simulates the paths block by block, counting them into 65,536 equal buckets over
/// mean ± 12 standard deviations of the analytic loss distribution (values outside go into the
/// end buckets) and summing deviations from the analytic mean. The bucket holding the k-th smallest
/// loss, k = ⌈confidence·paths⌉, follows from the counts. Pass 2 simulates the same paths again
/// (counter-based draws reproduce them exactly), keeps the losses in that bucket and sums those in the
/// buckets above; sorting the kept losses gives the exact k-th smallest (VaR) and the exact sum of the
/// losses ≥ VaR (CVaR). When every path fits in one block, pass 2 reuses pass 1's losses. Partial sums
/// are combined in a fixed chunk order, so a seed reproduces every figure bit for bit.
/// </summary>
public static class RiskStatistics
{
    public const int Buckets = 1 << 16;

    /// <summary>Paths per engine call (32 MB of losses).</summary>
    public const int DefaultBlockSize = 1 << 22;

    private const int SumChunk = 1 << 16;
    private const double HalfRangeInStd = 12;

    public static async Task<FinanceRiskOutput> ComputeAsync(IRiskEngine engine, RiskModel model, long paths, double confidence,
        CancellationToken cancellationToken, int blockSize = DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(model);
        var centre = -model.Horizon * model.MeanReturn * model.PortfolioValue;
        var std = Math.Sqrt(model.Horizon) * model.PeriodStd * model.PortfolioValue;
        var lower = std > 0 ? centre - HalfRangeInStd * std : centre - 1;
        var inverseWidth = Buckets / (std > 0 ? 2 * HalfRangeInStd * std : 2);
        int BucketOf(double loss) => (int)Math.Clamp(Math.Floor((loss - lower) * inverseWidth), 0, Buckets - 1);

        var block = (int)Math.Min(paths, blockSize);
        var losses = new double[block];
        var counts = new long[Buckets];
        double sum = 0, sumSquares = 0;
        var options = ComputeThreads.Options(cancellationToken);

        for (long first = 0; first < paths; first += block)
        {
            var count = (int)Math.Min(block, paths - first);
            await engine.SimulateAsync(model, first, count, losses, cancellationToken).ConfigureAwait(false);
            var chunks = (count + SumChunk - 1) / SumChunk;
            var partial = new (double Sum, double Squares)[chunks];
            Parallel.For(0, chunks, options, () => new long[Buckets], (c, _, local) =>
            {
                int start = c * SumChunk, end = Math.Min(count, start + SumChunk);
                double s = 0, q = 0;
                for (var k = start; k < end; k++)
                {
                    local[BucketOf(losses[k])]++;
                    var d = losses[k] - centre;
                    s += d;
                    q += d * d;
                }
                partial[c] = (s, q);
                return local;
            }, local =>
            {
                lock (counts)
                {
                    for (var b = 0; b < Buckets; b++) counts[b] += local[b];
                }
            });
            foreach (var (s, q) in partial)
            {
                sum += s;
                sumSquares += q;
            }
        }

        var rank = QuantileRank(confidence, paths);
        int target = 0;
        long below = 0;
        while (below + counts[target] < rank) below += counts[target++];

        var kept = new List<double>((int)counts[target]);
        double sumAbove = 0;
        long countAbove = 0;
        for (var b = target + 1; b < Buckets; b++) countAbove += counts[b];
        var reuse = block >= paths;
        for (long first = 0; first < paths; first += block)
        {
            var count = (int)Math.Min(block, paths - first);
            if (!reuse) await engine.SimulateAsync(model, first, count, losses, cancellationToken).ConfigureAwait(false);
            var chunks = (count + SumChunk - 1) / SumChunk;
            var partial = new double[chunks];
            Parallel.For(0, chunks, options, c =>
            {
                int start = c * SumChunk, end = Math.Min(count, start + SumChunk);
                double s = 0;
                for (var k = start; k < end; k++)
                {
                    var b = BucketOf(losses[k]);
                    if (b > target) s += losses[k];
                    else if (b == target)
                    {
                        lock (kept) kept.Add(losses[k]);
                    }
                }
                partial[c] = s;
            });
            foreach (var s in partial) sumAbove += s;
        }

        kept.Sort();
        var var = kept[(int)(rank - below - 1)];
        double tailSum = sumAbove;
        var tailCount = countAbove;
        foreach (var loss in kept)
        {
            if (loss < var) continue;
            tailSum += loss;
            tailCount++;
        }

        var mean = sum / paths;
        var variance = paths > 1 ? Math.Max(0, (sumSquares - sum * mean) / (paths - 1)) : 0;
        return new FinanceRiskOutput
        {
            Var = var,
            Cvar = tailSum / tailCount,
            MeanLoss = centre + mean,
            StdLoss = Math.Sqrt(variance),
            Paths = paths,
        };
    }

    /// <summary>k = ⌈confidence·paths⌉ in exact decimal arithmetic (0.99 × 100 is 99, not 100), at least 1.</summary>
    public static long QuantileRank(double confidence, long paths) =>
        Math.Max(1, (long)Math.Ceiling((decimal)confidence * paths));
}
