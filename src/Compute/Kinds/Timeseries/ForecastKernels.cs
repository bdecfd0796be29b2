using ILGPU;

namespace Prism.Compute.Kinds.Timeseries;

/// <summary>ILGPU kernels of <c>timeseries.forecast</c>.</summary>
public static class ForecastKernels
{
    /// <summary>
    /// One thread per series: the same steps as <see cref="ForecastCpuEngine"/> (centre, lagged
    /// cross-products, scaled Cholesky, residuals, recursive forecast, ψ-weights), with the
    /// (p+1)² matrix in a per-series slice of global scratch (<see cref="ArMath.ScratchStride"/>)
    /// rather than per-thread local memory, which p = 32 would overflow.
    /// </summary>
    public static void FitAndForecast(
        Index1D series,
        ArrayView<int> offsets,
        ArrayView<double> values,
        ArrayView<double> scratch,
        ArrayView<int> status,
        ArrayView<double> coefficients,
        ArrayView<double> sigmas,
        ArrayView<double> mean,
        ArrayView<double> halfWidth,
        ForecastKernelParams prm)
    {
        int idx = series, p = prm.Order, width = p + 1, horizon = prm.Horizon;
        int start = offsets[series], length = offsets[series + 1] - start, n = length - p;
        long cBase = (long)idx * ArMath.ScratchStride(p);
        long mBase = cBase + width * width, dBase = mBase + width;
        long coefBase = (long)idx * width, outBase = (long)idx * horizon;

        double sum = 0, sumSquares = 0;
        for (var i = 0; i < length; i++)
        {
            var v = values[start + i];
            sum += v;
            sumSquares += v * v;
        }
        double seriesMean = sum / length, meanSquare = sumSquares / length;

        for (var j = 0; j <= p; j++)
        {
            double s = 0;
            for (var i = p; i < length; i++) s += values[start + i - j] - seriesMean;
            scratch[mBase + j] = s / n;
        }
        for (var j = 0; j <= p; j++)
        {
            for (var l = j; l <= p; l++)
            {
                double s = 0;
                for (var i = p; i < length; i++) s += (values[start + i - j] - seriesMean) * (values[start + i - l] - seriesMean);
                var ajl = s - n * scratch[mBase + j] * scratch[mBase + l];
                scratch[cBase + j * width + l] = ajl;
                scratch[cBase + l * width + j] = ajl;
            }
        }

        sigmas[series] = 0;
        var tiny = n * ArMath.ColumnTolerance * ArMath.ColumnTolerance * meanSquare;
        for (var j = 1; j <= p; j++)
        {
            if (!(scratch[cBase + j * width + j] > tiny))
            {
                status[series] = ArStatus.Singular;
                return;
            }
        }

        for (var j = 1; j <= p; j++) scratch[dBase + j] = Math.Sqrt(scratch[cBase + j * width + j]);
        for (var j = 1; j <= p; j++)
        {
            var pivot = 1.0;
            for (var k = 1; k < j; k++) pivot -= scratch[cBase + j * width + k] * scratch[cBase + j * width + k];
            if (!(pivot >= ArMath.PivotTolerance))
            {
                status[series] = ArStatus.Singular;
                return;
            }
            var ljj = Math.Sqrt(pivot);
            scratch[cBase + j * width + j] = ljj;
            for (var i = j + 1; i <= p; i++)
            {
                var s = scratch[cBase + i * width + j] / (scratch[dBase + i] * scratch[dBase + j]);
                for (var k = 1; k < j; k++) s -= scratch[cBase + i * width + k] * scratch[cBase + j * width + k];
                scratch[cBase + i * width + j] = s / ljj;
            }
        }

        for (var j = 1; j <= p; j++)
        {
            var s = scratch[cBase + j] / scratch[dBase + j];
            for (var k = 1; k < j; k++) s -= scratch[cBase + j * width + k] * coefficients[coefBase + k];
            coefficients[coefBase + j] = s / scratch[cBase + j * width + j];
        }
        for (var j = p; j >= 1; j--)
        {
            var s = coefficients[coefBase + j];
            for (var k = j + 1; k <= p; k++) s -= scratch[cBase + k * width + j] * coefficients[coefBase + k];
            coefficients[coefBase + j] = s / scratch[cBase + j * width + j];
        }
        for (var j = 1; j <= p; j++) coefficients[coefBase + j] /= scratch[dBase + j];

        double centredIntercept = scratch[mBase], phiSum = 0;
        for (var j = 1; j <= p; j++)
        {
            centredIntercept -= coefficients[coefBase + j] * scratch[mBase + j];
            phiSum += coefficients[coefBase + j];
        }
        coefficients[coefBase] = centredIntercept + seriesMean * (1 - phiSum);

        double rss = 0;
        for (var i = p; i < length; i++)
        {
            var e = values[start + i] - seriesMean - centredIntercept;
            for (var j = 1; j <= p; j++) e -= coefficients[coefBase + j] * (values[start + i - j] - seriesMean);
            rss += e * e;
        }
        var sigma = Math.Sqrt(rss / (n - p - 1));
        sigmas[series] = sigma;

        for (var h = 0; h < horizon; h++)
        {
            var f = centredIntercept;
            for (var j = 1; j <= p; j++)
            {
                var at = h - j;
                f += coefficients[coefBase + j] * (at >= 0 ? mean[outBase + at] : values[start + length + at] - seriesMean);
            }
            mean[outBase + h] = f;
        }
        for (var h = 0; h < horizon; h++) mean[outBase + h] += seriesMean;

        for (var j = 0; j < horizon; j++)
        {
            var psi = j == 0 ? 1.0 : 0.0;
            var last = IntrinsicMath.Min(j, p);
            for (var k = 1; k <= last; k++) psi += coefficients[coefBase + k] * halfWidth[outBase + j - k];
            halfWidth[outBase + j] = psi;
        }
        double cumulative = 0;
        for (var j = 0; j < horizon; j++)
        {
            var psi = halfWidth[outBase + j];
            cumulative += psi * psi;
            halfWidth[outBase + j] = prm.Z * sigma * Math.Sqrt(cumulative);
        }
        status[series] = ArStatus.Ok;
    }
}
