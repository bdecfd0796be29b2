namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded transfer entropy, written for clarity from the formula in
/// docs/kinds/causal.transfer-entropy.md: bin, count (a, b, c), (b, c), (a, b) and b in dictionaries,
/// and sum p(a,b,c)·log2[p(a|b,c)/p(a|b)] in doubles. Shares nothing with the engines.
/// </summary>
public static class TransferEntropyReference
{
    public static double[,] Matrix(double[][] series, int lag, int bins)
    {
        ArgumentNullException.ThrowIfNull(series);
        var binned = series.Select(s => Bin(s, bins)).ToArray();
        var k = series.Length;
        var matrix = new double[k, k];
        for (var x = 0; x < k; x++)
            for (var y = 0; y < k; y++)
                if (x != y) matrix[x, y] = Pair(binned[x], binned[y], lag);
        return matrix;
    }

    public static int[] Bin(double[] values, int bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        double min = values.Min(), max = values.Max();
        return [.. values.Select(v => max == min ? 0 : Math.Min(bins - 1, (int)Math.Floor((v - min) / (max - min) * bins)))];
    }

    public static double Pair(int[] source, int[] target, int lag)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var n = target.Length - lag;
        var abc = new Dictionary<(int A, int B, int C), int>();
        var bc = new Dictionary<(int B, int C), int>();
        var ab = new Dictionary<(int A, int B), int>();
        var b = new Dictionary<int, int>();
        for (var t = 0; t < n; t++)
        {
            int future = target[t + lag], present = target[t], cause = source[t];
            abc[(future, present, cause)] = abc.GetValueOrDefault((future, present, cause)) + 1;
            bc[(present, cause)] = bc.GetValueOrDefault((present, cause)) + 1;
            ab[(future, present)] = ab.GetValueOrDefault((future, present)) + 1;
            b[present] = b.GetValueOrDefault(present) + 1;
        }

        double te = 0;
        foreach (var ((a, pb, c), count) in abc)
        {
            var pJoint = (double)count / n;
            var pGivenBoth = (double)count / bc[(pb, c)];
            var pGivenPresent = (double)ab[(a, pb)] / b[pb];
            te += pJoint * Math.Log2(pGivenBoth / pGivenPresent);
        }
        return te;
    }
}
