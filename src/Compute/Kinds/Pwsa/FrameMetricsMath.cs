using Prism.Compute.Kinds.Pixels;
using Prism.Contracts.Kinds.Pwsa;

namespace Prism.Compute.Kinds.Pwsa;

/// <summary>Whole-frame figures of <c>pwsa.detect</c>, in exact integer sums where the figure allows.</summary>
public static class FrameMetricsMath
{
    public static PwsaFrameMetrics Compute(ushort[] pixels, BinnedFrame frame, int threshold, double[] entropyMap)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(entropyMap);
        long sum = 0, sumSq = 0, bgSum = 0, bgSumSq = 0;
        int bgCount = 0, min = int.MaxValue, max = int.MinValue;
        foreach (int v in pixels)
        {
            sum += v;
            sumSq += (long)v * v;
            if (v < min) min = v;
            if (v > max) max = v;
            if (v < threshold)
            {
                bgCount++;
                bgSum += v;
                bgSumSq += (long)v * v;
            }
        }
        double meanLocal = 0;
        foreach (var h in entropyMap) meanLocal += h;

        var n = pixels.Length;
        return new PwsaFrameMetrics
        {
            Entropy = EntropyMath.GlobalEntropy(frame),
            EntropyRate = EntropyRate(frame),
            MeanLocalEntropy = meanLocal / n,
            Bins = frame.Bins,
            Window = PwsaDetectKind.EntropyWindow,
            Mean = (double)sum / n,
            StdDev = StdDev(n, sum, sumSq),
            Min = min,
            Max = max,
            ForegroundFraction = (double)(n - bgCount) / n,
            BackgroundMean = bgCount == 0 ? 0 : (double)bgSum / bgCount,
            BackgroundStdDev = bgCount == 0 ? 0 : StdDev(bgCount, bgSum, bgSumSq),
        };
    }

    /// <summary>
    /// H(R | L) in bits over every horizontally adjacent pair (L = bin at x − 1, R = bin at x, same row):
    /// Σ p(l, r)·log2(c(l) / c(l, r)), where c(l) counts pairs whose left bin is l. 0 when width is 1.
    /// </summary>
    public static double EntropyRate(BinnedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int bins = frame.Bins, width = frame.Width;
        var joint = new long[bins * bins];
        var left = new long[bins];
        var binOf = frame.BinOf;
        for (var y = 0; y < frame.Height; y++)
        {
            var row = y * width;
            for (var x = 1; x < width; x++)
            {
                int l = binOf[row + x - 1], r = binOf[row + x];
                joint[l * bins + r]++;
                left[l]++;
            }
        }
        double pairs = (long)(width - 1) * frame.Height, rate = 0;
        if (pairs == 0) return 0;
        for (var l = 0; l < bins; l++)
        {
            for (var r = 0; r < bins; r++)
            {
                var c = joint[l * bins + r];
                if (c > 0) rate += c / pairs * Math.Log2((double)left[l] / c);
            }
        }
        return rate;
    }

    // Exact: n·Σv² − (Σv)² in 128-bit integers, so a flat frame gives exactly 0.
    private static double StdDev(long n, long sum, long sumSq) =>
        Math.Sqrt((double)((Int128)n * sumSq - (Int128)sum * sum)) / n;
}
