namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded AR(p) forecast, written for clarity and by a different route than the
/// engines: least squares on the raw design matrix [1, x(t−1), …, x(t−p)] by modified Gram–Schmidt
/// QR (no normal equations, no centring), forecasts in raw units, and ψ-weights as the first
/// entry of powers of the companion matrix applied to e1.
/// </summary>
public static class ForecastReference
{
    public sealed record Fit(double[] Coefficients, double Sigma, double[] Mean, double[] Lower, double[] Upper);

    public static Fit Forecast(double[] series, int p, int horizon, double z)
    {
        ArgumentNullException.ThrowIfNull(series);
        int n = series.Length - p, columns = p + 1;
        var q = new double[columns][];
        for (var c = 0; c < columns; c++)
        {
            q[c] = new double[n];
            for (var i = 0; i < n; i++) q[c][i] = c == 0 ? 1.0 : series[p + i - c];
        }
        var y = new double[n];
        for (var i = 0; i < n; i++) y[i] = series[p + i];

        var r = new double[columns, columns];
        for (var c = 0; c < columns; c++)
        {
            for (var prev = 0; prev < c; prev++)
            {
                r[prev, c] = Dot(q[prev], q[c]);
                for (var i = 0; i < n; i++) q[c][i] -= r[prev, c] * q[prev][i];
            }
            r[c, c] = Math.Sqrt(Dot(q[c], q[c]));
            for (var i = 0; i < n; i++) q[c][i] /= r[c, c];
        }

        var beta = new double[columns];
        for (var c = columns - 1; c >= 0; c--)
        {
            var s = Dot(q[c], y);
            for (var k = c + 1; k < columns; k++) s -= r[c, k] * beta[k];
            beta[c] = s / r[c, c];
        }

        double rss = 0;
        for (var i = 0; i < n; i++)
        {
            var e = y[i] - beta[0];
            for (var j = 1; j <= p; j++) e -= beta[j] * series[p + i - j];
            rss += e * e;
        }
        var sigma = Math.Sqrt(rss / (n - p - 1));

        var history = new List<double>(series);
        var mean = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var f = beta[0];
            for (var j = 1; j <= p; j++) f += beta[j] * history[^j];
            history.Add(f);
            mean[h] = f;
        }

        // Companion matrix F (first row φ, sub-diagonal ones); ψj = (F^j e1)[0].
        var state = new double[p];
        state[0] = 1;
        double cumulative = 0;
        var lower = new double[horizon];
        var upper = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            cumulative += state[0] * state[0];
            var half = z * sigma * Math.Sqrt(cumulative);
            lower[h] = mean[h] - half;
            upper[h] = mean[h] + half;
            var next = new double[p];
            for (var j = 0; j < p; j++) next[0] += beta[j + 1] * state[j];
            for (var j = 1; j < p; j++) next[j] = state[j - 1];
            state = next;
        }
        return new Fit(beta, sigma, mean, lower, upper);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
