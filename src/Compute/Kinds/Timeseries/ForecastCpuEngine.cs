using System.Numerics.Tensors;

namespace Prism.Compute.Kinds.Timeseries;

/// <summary>
/// Managed CPU engine: series in parallel; the (p+1)(p+2)/2 lagged cross-products of a series are
/// SIMD dot products (<see cref="TensorPrimitives"/>), the rest is O(p³ + H·p) scalar work.
/// </summary>
public sealed class ForecastCpuEngine : IForecastEngine
{
    public Task<ArForecasts> ForecastAsync(ForecastBatch batch, int order, int horizon, double z, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int count = batch.SeriesCount, p = order, width = p + 1;
        var result = new ArForecasts(new int[count], new double[count * width], new double[count], new double[count * horizon], new double[count * horizon]);
        var longest = batch.LongestSeries;

        Parallel.For(0, count, ComputeThreads.Options(cancellationToken),
            () => new Workspace(longest, p),
            (k, _, work) =>
            {
                var x = batch.Values.AsSpan(batch.Offsets[k], batch.Offsets[k + 1] - batch.Offsets[k]);
                result.Status[k] = FitAndForecast(x, p, z, work,
                    result.Coefficients.AsSpan(k * width, width), out result.Sigma[k],
                    result.Mean.AsSpan(k * horizon, horizon), result.HalfWidth.AsSpan(k * horizon, horizon));
                return work;
            },
            _ => { });

        return Task.FromResult(result);
    }

    private sealed class Workspace(int longest, int p)
    {
        public double[] Centred { get; } = new double[longest];
        public double[] Cross { get; } = new double[(p + 1) * (p + 1)];
        public double[] LagMean { get; } = new double[p + 1];
        public double[] Solve { get; } = new double[p + 1];
    }

    private static int FitAndForecast(ReadOnlySpan<double> x, int p, double z, Workspace work,
        Span<double> coefficients, out double sigma, Span<double> mean, Span<double> halfWidth)
    {
        int length = x.Length, n = length - p, width = p + 1;
        var seriesMean = TensorPrimitives.Sum(x) / length;
        var meanSquare = TensorPrimitives.SumOfSquares(x) / length;
        var xc = work.Centred.AsSpan(0, length);
        TensorPrimitives.Subtract(x, seriesMean, xc);

        // Column j (0 = the regressand, 1..p = lag j) is xc[p-j .. p-j+n).
        var m = work.LagMean;
        for (var j = 0; j <= p; j++) m[j] = TensorPrimitives.Sum(xc.Slice(p - j, n)) / n;
        var c = work.Cross;
        for (var j = 0; j <= p; j++)
        {
            for (var k = j; k <= p; k++)
            {
                c[j * width + k] = c[k * width + j] = TensorPrimitives.Dot(xc.Slice(p - j, n), xc.Slice(p - k, n)) - n * m[j] * m[k];
            }
        }

        sigma = 0;
        var tiny = n * ColumnFloor(meanSquare);
        for (var j = 1; j <= p; j++)
        {
            if (!(c[j * width + j] > tiny)) return ArStatus.Singular;
        }

        // Cholesky of the unit-diagonal matrix R = D⁻¹AD⁻¹ in place, in the lower triangle of rows/cols 1..p.
        var d = work.Solve;
        for (var j = 1; j <= p; j++) d[j] = Math.Sqrt(c[j * width + j]);
        for (var j = 1; j <= p; j++)
        {
            var pivot = 1.0;
            for (var k = 1; k < j; k++) pivot -= c[j * width + k] * c[j * width + k];
            if (!(pivot >= ArMath.PivotTolerance)) return ArStatus.Singular;
            var ljj = Math.Sqrt(pivot);
            c[j * width + j] = ljj;
            for (var i = j + 1; i <= p; i++)
            {
                var s = c[i * width + j] / (d[i] * d[j]);
                for (var k = 1; k < j; k++) s -= c[i * width + k] * c[j * width + k];
                c[i * width + j] = s / ljj;
            }
        }

        // R·y = D⁻¹b (b = column 0, kept in row 0), then φ = D⁻¹y.
        var phi = coefficients;
        for (var j = 1; j <= p; j++)
        {
            var s = c[j] / d[j];
            for (var k = 1; k < j; k++) s -= c[j * width + k] * phi[k];
            phi[j] = s / c[j * width + j];
        }
        for (var j = p; j >= 1; j--)
        {
            var s = phi[j];
            for (var k = j + 1; k <= p; k++) s -= c[k * width + j] * phi[k];
            phi[j] = s / c[j * width + j];
        }
        for (var j = 1; j <= p; j++) phi[j] /= d[j];

        double centredIntercept = m[0], phiSum = 0;
        for (var j = 1; j <= p; j++)
        {
            centredIntercept -= phi[j] * m[j];
            phiSum += phi[j];
        }
        phi[0] = centredIntercept + seriesMean * (1 - phiSum);

        double rss = 0;
        for (var i = p; i < length; i++)
        {
            var e = xc[i] - centredIntercept;
            for (var j = 1; j <= p; j++) e -= phi[j] * xc[i - j];
            rss += e * e;
        }
        sigma = Math.Sqrt(rss / (n - p - 1));

        // Forecast in centred units: step h's lag j is an observation or an earlier forecast.
        var horizon = mean.Length;
        for (var h = 0; h < horizon; h++)
        {
            var f = centredIntercept;
            for (var j = 1; j <= p; j++)
            {
                var at = h - j;
                f += phi[j] * (at >= 0 ? mean[at] : xc[length + at]);
            }
            mean[h] = f;
        }
        for (var h = 0; h < horizon; h++) mean[h] += seriesMean;

        // ψ0 = 1, ψj = Σ φk·ψ(j−k); the h-step error variance is σ²·Σ_{j<h} ψj².
        for (var j = 0; j < horizon; j++)
        {
            var psi = j == 0 ? 1.0 : 0.0;
            for (var k = 1; k <= Math.Min(j, p); k++) psi += phi[k] * halfWidth[j - k];
            halfWidth[j] = psi;
        }
        double cumulative = 0;
        for (var j = 0; j < horizon; j++)
        {
            cumulative += halfWidth[j] * halfWidth[j];
            halfWidth[j] = z * sigma * Math.Sqrt(cumulative);
        }
        return ArStatus.Ok;
    }

    private static double ColumnFloor(double meanSquare) => ArMath.ColumnTolerance * ArMath.ColumnTolerance * meanSquare;
}
