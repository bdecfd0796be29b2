namespace Prism.Compute.Kinds.Causal;

/// <summary>
/// The parts of <c>causal.transfer-entropy</c> both engines share. With counts c over the N samples,
/// TE(X→Y) = Σ p(a,b,c)·log2[p(a|b,c)/p(a|b)] = (S_abc − S_bc + S_b − S_ab) / N, where S_… = Σ c·log2 c
/// over the occupied states of that marginal. Each c·log2 c comes from one fixed-point table and the
/// sums are integers, so the CPU engine and the ILGPU kernel give identical bits in any order.
/// </summary>
public static class TransferEntropyMath
{
    /// <summary>Scale of the fixed-point c·log2(c) terms: N·log2 N·2^40 stays below 2^63 for N ≤ 100,000.</summary>
    public const double FixedPointScale = 1099511627776.0; // 2^40

    /// <summary>Bin as docs/kinds/causal.transfer-entropy.md defines it, in double: min(bins−1, floor((v − min)/(max − min)·bins)); a constant series is all bin 0.</summary>
    public static byte[] Bin(double[] values, int bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        var span = values.AsSpan();
        double min = System.Numerics.Tensors.TensorPrimitives.Min<double>(span), max = System.Numerics.Tensors.TensorPrimitives.Max<double>(span);
        var result = new byte[values.Length];
        if (max > min)
        {
            var range = max - min;
            for (var t = 0; t < values.Length; t++) result[t] = (byte)Math.Min(bins - 1, (int)Math.Floor((values[t] - min) / range * bins));
        }
        return result;
    }

    /// <summary>round(c·log2(c)·2^40) for c = 0..maxCount.</summary>
    public static long[] CountLogTable(int maxCount)
    {
        var table = new long[maxCount + 1];
        for (var c = 2; c <= maxCount; c++) table[c] = (long)Math.Round(c * Math.Log2(c) * FixedPointScale);
        return table;
    }

    /// <summary>TE in bits from the fixed-point sum; rounding can leave a true 0 a hair negative, which means 0.</summary>
    public static double Bits(long sum, int sampleCount) => Math.Max(0L, sum) / FixedPointScale / sampleCount;

    public static TransferEntropyBatch Prepare(double[][] series, int lag, int bins, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        int k = series.Length, length = series[0].Length, n = length - lag;
        var binned = new byte[k * length];
        var byTime = new byte[length * k];
        for (var s = 0; s < k; s++)
        {
            var b = Bin(series[s], bins);
            b.CopyTo(binned, s * length);
            for (var t = 0; t < length; t++) byTime[t * k + s] = b[t];
        }

        var table = CountLogTable(n);
        var order = new int[k * n];
        var ahead = new byte[k * n];
        var groupStart = new int[k * (bins + 1)];
        var targetTerms = new long[k];
        Parallel.For(0, k, ComputeThreads.Options(cancellationToken), y =>
        {
            var b = binned.AsSpan(y * length, length);
            var starts = groupStart.AsSpan(y * (bins + 1), bins + 1);
            for (var t = 0; t < n; t++) starts[b[t] + 1]++;
            long target = 0;
            for (var v = 0; v < bins; v++) target += table[starts[v + 1]];
            for (var v = 1; v <= bins; v++) starts[v] += starts[v - 1];

            var next = starts[..bins].ToArray();
            var ab = new int[bins * bins];
            for (var t = 0; t < n; t++)
            {
                var j = y * n + next[b[t]]++;
                order[j] = t;
                ahead[j] = b[t + lag];
                ab[b[t + lag] * bins + b[t]]++;
            }
            foreach (var c in ab) target -= table[c];
            targetTerms[y] = target;
        });
        return new TransferEntropyBatch(k, length, lag, bins, binned, byTime, order, ahead, groupStart, targetTerms, table);
    }
}
