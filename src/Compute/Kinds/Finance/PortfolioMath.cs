namespace Prism.Compute.Kinds.Finance;

/// <summary>Host-side helpers of <c>finance.optimize</c> shared by both engines.</summary>
public static class PortfolioMath
{
    /// <summary>Column means and the column-centred returns, row-major T×N.</summary>
    public static (double[] Centered, double[] Means) Center(double[][] returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        int periods = returns.Length, n = returns[0].Length;
        var means = new double[n];
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var t = 0; t < periods; t++) sum += returns[t][j];
            means[j] = sum / periods;
        }
        var centered = new double[periods * n];
        for (var t = 0; t < periods; t++)
            for (var j = 0; j < n; j++) centered[t * n + j] = returns[t][j] - means[j];
        return (centered, means);
    }

    /// <summary>Row-major copy of the symmetric part of a covariance given as rows.</summary>
    public static double[] Flatten(double[][] covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.Length;
        var flat = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) flat[i * n + j] = 0.5 * (covariance[i][j] + covariance[j][i]);
        return flat;
    }

    /// <summary>wᵀΣw for row-major Σ.</summary>
    public static double Quadratic(double[] sigma, double[] w)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        ArgumentNullException.ThrowIfNull(w);
        var n = w.Length;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++) row += sigma[i * n + j] * w[j];
            total += w[i] * row;
        }
        return total;
    }

    public static double Dot(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var total = 0.0;
        for (var i = 0; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
