namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded sample covariance, written for clarity: column means, then
/// Σij = Σt (r[t][i] − mean i)(r[t][j] − mean j) / (T − 1). Tests compare the engines with it;
/// benchmarks measure the engines against it.
/// </summary>
public static class CovarianceReference
{
    public static double[] Covariance(double[][] returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        int periods = returns.Length, n = returns[0].Length;
        var mean = new double[n];
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var t = 0; t < periods; t++) sum += returns[t][j];
            mean[j] = sum / periods;
        }
        var cov = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var t = 0; t < periods; t++) sum += (returns[t][i] - mean[i]) * (returns[t][j] - mean[j]);
                cov[i * n + j] = sum / (periods - 1);
            }
        }
        return cov;
    }
}
