using System.Numerics;

namespace Prism.Compute.Kinds.Finance;

/// <summary>
/// Managed CPU engine: blocks of 8 covariance rows in parallel; each period's row of returns is read
/// once per block and folded into the block's rows with SIMD multiply-adds (not fused, so every entry
/// is the same period-ordered sum the kernel and the reference compute).
/// </summary>
public sealed class CovarianceCpuEngine : ICovarianceEngine
{
    private const int RowsPerBlock = 8;

    public Task<double[]> CovarianceAsync(double[] centered, int periods, int assets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(centered);
        var n = assets;
        var cov = new double[n * n];
        var blocks = (n + RowsPerBlock - 1) / RowsPerBlock;
        double divisor = periods - 1;

        Parallel.For(0, blocks, ComputeThreads.Options(cancellationToken), b =>
        {
            int i0 = b * RowsPerBlock, i1 = Math.Min(n, i0 + RowsPerBlock), width = n - i0;
            var acc = new double[(i1 - i0) * width];
            for (var t = 0; t < periods; t++)
            {
                var row = centered.AsSpan(t * n + i0, width);
                for (var i = i0; i < i1; i++)
                {
                    // Row i only needs columns j ≥ i.
                    var offset = i - i0;
                    MultiplyAdd(centered[t * n + i], row[offset..], acc.AsSpan(offset * width + offset, width - offset));
                }
            }
            for (var i = i0; i < i1; i++)
            {
                for (var j = i; j < n; j++)
                {
                    var c = acc[(i - i0) * width + (j - i0)] / divisor;
                    cov[i * n + j] = c;
                    cov[j * n + i] = c;
                }
            }
        });
        return Task.FromResult(cov);
    }

    private static void MultiplyAdd(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<double>(a);
            for (; k <= x.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var product = va * new Vector<double>(x[k..]);
                (new Vector<double>(y[k..]) + product).CopyTo(y[k..]);
            }
        }
        for (; k < x.Length; k++) y[k] += a * x[k];
    }
}
