using Prism.Compute.Kinds.Finance;

namespace Prism.UnitTests.Finance;

/// <summary>
/// Independent optimality checks: KKT conditions of the box-and-budget QP, written from the
/// Lagrangian rather than from the solver, and random test problems.
/// </summary>
public static class PortfolioChecks
{
    /// <summary>
    /// Largest KKT violation of min ½wᵀΣw − t·μᵀw over {Σw = 1, lo ≤ w ≤ hi}, relative to the
    /// gradient's scale. g = Σw − tμ must be the same constant −ν on weights strictly inside the
    /// bounds, ≥ −ν at the lower bound and ≤ −ν at the upper bound.
    /// </summary>
    public static double KktViolation(double[] sigma, double[] mu, double t, double lo, double hi, double[] w) =>
        StationarityViolation(Gradient(sigma, mu, t, w), lo, hi, w, minimise: true);

    /// <summary>Same conditions for maximising a function with gradient <paramref name="gradient"/>.</summary>
    public static double StationarityViolation(double[] gradient, double lo, double hi, double[] w, bool minimise)
    {
        var n = w.Length;
        var g = minimise ? gradient : gradient.Select(x => -x).ToArray();
        var scale = g.Max(Math.Abs) + 1e-300;
        var inside = Enumerable.Range(0, n).Where(i => w[i] > lo + 1e-9 && w[i] < hi - 1e-9).ToArray();
        // −ν from the free weights (any one would do at the optimum; the mean is the fairest).
        var minusNu = inside.Length > 0 ? inside.Average(i => g[i]) : 0;
        var worst = Math.Abs(w.Sum() - 1);
        foreach (var i in Enumerable.Range(0, n))
        {
            if (w[i] < lo - 1e-12 || w[i] > hi + 1e-12) return double.PositiveInfinity;
            var d = (g[i] - minusNu) / scale;
            if (inside.Contains(i)) worst = Math.Max(worst, Math.Abs(d));
            else if (inside.Length > 0 && Math.Abs(w[i] - lo) <= 1e-9) worst = Math.Max(worst, -d);
            else if (inside.Length > 0) worst = Math.Max(worst, d);
        }
        return worst;
    }

    public static double[] Gradient(double[] sigma, double[] mu, double t, double[] w)
    {
        var n = w.Length;
        return [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => sigma[i * n + j] * w[j]) - t * mu[i])];
    }

    /// <summary>Gradient of the Sharpe ratio (μᵀw − rf)/sqrt(wᵀΣw).</summary>
    public static double[] SharpeGradient(double[] sigma, double[] mu, double rf, double[] w)
    {
        var n = w.Length;
        var sw = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => sigma[i * n + j] * w[j])).ToArray();
        var variance = w.Select((x, i) => x * sw[i]).Sum();
        var excess = w.Select((x, i) => x * mu[i]).Sum() - rf;
        var sd = Math.Sqrt(variance);
        return [.. Enumerable.Range(0, n).Select(i => mu[i] / sd - excess * sw[i] / (sd * variance))];
    }

    /// <summary>Random returns T×N with a common factor, so the covariance has real correlations.</summary>
    public static double[][] Returns(int periods, int assets, int seed)
    {
        var random = new Random(seed);
        var drift = Enumerable.Range(0, assets).Select(_ => 0.002 + 0.01 * random.NextDouble()).ToArray();
        var beta = Enumerable.Range(0, assets).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var vol = Enumerable.Range(0, assets).Select(_ => 0.01 + 0.04 * random.NextDouble()).ToArray();
        var returns = new double[periods][];
        for (var t = 0; t < periods; t++)
        {
            var market = 0.02 * Gaussian(random);
            returns[t] = [.. Enumerable.Range(0, assets).Select(j => drift[j] + beta[j] * market + vol[j] * Gaussian(random))];
        }
        return returns;
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double Objective(double[] sigma, double[] mu, double t, double[] w) =>
        0.5 * PortfolioMath.Quadratic(sigma, w) - t * PortfolioMath.Dot(mu, w);
}
