using Prism.Contracts.Kinds.Pixels;

namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// The parts of <c>pixels.entropy</c> both engines share, so their results are identical:
/// binning, the fixed-point c·log2(c) table, and assembling the output from the entropy map.
/// </summary>
public static class EntropyMath
{
    /// <summary>
    /// Scale of the fixed-point c·log2(c) terms. Sums of integers do not depend on their order, so
    /// an incremental CPU window and a per-pixel GPU loop reach the same bits.
    /// </summary>
    public const double FixedPointScale = 4294967296.0; // 2^32

    /// <summary>Bins as docs/kinds/pixels.entropy.md defines them, in integers: min(bins-1, ((v-min)·bins)/(max-min)); all 0 when max == min.</summary>
    public static BinnedFrame Bin(ushort[] pixels, int width, int height, int bins)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var (min, max) = MinMax(pixels);
        var binOf = new byte[pixels.Length];
        if (max > min)
        {
            long range = max - min;
            for (var i = 0; i < pixels.Length; i++)
            {
                binOf[i] = (byte)Math.Min(bins - 1, (pixels[i] - min) * (long)bins / range);
            }
        }
        return new BinnedFrame(width, height, bins, binOf);
    }

    private static (int Min, int Max) MinMax(ushort[] pixels)
    {
        var span = pixels.AsSpan();
        return span.IsEmpty ? (0, 0) : (System.Numerics.Tensors.TensorPrimitives.Min<ushort>(span), System.Numerics.Tensors.TensorPrimitives.Max<ushort>(span));
    }

    /// <summary>round(c·log2(c)·2^32) for c = 0..maxCount.</summary>
    public static long[] CountLogTable(int maxCount)
    {
        var table = new long[maxCount + 1];
        for (var c = 2; c <= maxCount; c++) table[c] = (long)Math.Round(c * Math.Log2(c) * FixedPointScale);
        return table;
    }

    /// <summary>
    /// H = (N·log2(N) − Σc·log2(c)) / N with both terms from the same fixed-point table, so a window
    /// of one bin gives exactly 0 and no rounding can make H negative. Both engines call exactly this.
    /// </summary>
    public static double EntropyFromSum(long sumCountLog, int n, long nLogN) =>
        Math.Max(0L, nLogN - sumCountLog) / FixedPointScale / n;

    /// <summary>Entropy in bits of the whole frame's bin histogram.</summary>
    public static double GlobalEntropy(BinnedFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var histogram = new long[frame.Bins];
        foreach (var b in frame.BinOf) histogram[b]++;
        double n = frame.BinOf.Length, h = 0;
        foreach (var c in histogram)
        {
            if (c == 0) continue;
            var p = c / n;
            h -= p * Math.Log2(p);
        }
        return h;
    }

    /// <summary>Builds the output: map in single precision, global and mean entropy, hot regions.</summary>
    public static PixelsEntropyOutput Assemble(BinnedFrame frame, int window, double[] map)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(map);
        double sum = 0;
        foreach (var v in map) sum += v;
        var mean = sum / map.Length;
        var output = new float[map.Length];
        for (var i = 0; i < map.Length; i++) output[i] = (float)map[i];

        return new PixelsEntropyOutput
        {
            Width = frame.Width,
            Height = frame.Height,
            Window = window,
            Bins = frame.Bins,
            EntropyMap = output,
            GlobalEntropy = GlobalEntropy(frame),
            MeanEntropy = mean,
            HotRegions = HotRegions.Find(map, frame.Width, frame.Height, mean),
        };
    }
}
