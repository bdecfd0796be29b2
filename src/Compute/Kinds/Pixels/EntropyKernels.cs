using ILGPU;

namespace Prism.Compute.Kinds.Pixels;

/// <summary>ILGPU kernels of <c>pixels.entropy</c>.</summary>
public static class EntropyKernels
{
    /// <summary>Most bins a histogram holds (the schema's limit).</summary>
    public const int MaxBins = 256;

    /// <summary>
    /// One thread per pixel: histogram the in-frame part of the window in local memory, then add
    /// the fixed-point c·log2(c) of each occupied bin once (clearing it as it goes, so the next
    /// pixel of this thread starts from zeros without a 256-entry sweep). Several frames of the same
    /// shape may lie back to back in the views (a batch): each thread works inside its own frame.
    /// </summary>
    public static void LocalEntropy(
        Index1D index,
        ArrayView<byte> binOf,
        ArrayView<long> countLog,
        ArrayView<double> map,
        EntropyKernelParams p)
    {
        var histogram = LocalMemory.Allocate<int>(MaxBins);
        var frameSize = p.Width * p.Height;
        var frameStart = index / frameSize * frameSize;
        var pixel = index - frameStart;
        int x = pixel % p.Width, y = pixel / p.Width;
        int x0 = IntrinsicMath.Max(0, x - p.Radius), x1 = IntrinsicMath.Min(p.Width - 1, x + p.Radius);
        int y0 = IntrinsicMath.Max(0, y - p.Radius), y1 = IntrinsicMath.Min(p.Height - 1, y + p.Radius);

        for (var yy = y0; yy <= y1; yy++)
            for (var xx = x0; xx <= x1; xx++)
                histogram[(int)binOf[frameStart + yy * p.Width + xx]] = 0;
        for (var yy = y0; yy <= y1; yy++)
            for (var xx = x0; xx <= x1; xx++)
                histogram[(int)binOf[frameStart + yy * p.Width + xx]]++;

        long sum = 0;
        for (var yy = y0; yy <= y1; yy++)
        {
            for (var xx = x0; xx <= x1; xx++)
            {
                int b = binOf[frameStart + yy * p.Width + xx];
                sum += countLog[histogram[b]];
                histogram[b] = 0;
            }
        }

        var n = (x1 - x0 + 1) * (y1 - y0 + 1);
        map[index] = EntropyMath.EntropyFromSum(sum, n, countLog[n]);
    }
}
