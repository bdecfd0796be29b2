using Prism.Compute.Kinds.Finance;
using Prism.Contracts.Kinds.Finance;

namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded <c>finance.risk</c>, written from the definition: per period draw z,
/// form the correlated returns x = μ + L·z, weight them (wᵀx), sum the periods; keep every loss,
/// sort, and read the quantile and tail mean off the sorted list. It shares only the random numbers
/// with the engines. Tests compare with it; benchmarks measure the engines against it.
/// </summary>
public static class RiskReference
{
    public static double[] Losses(FinanceRiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var w = input.Weights!;
        var mu = input.ExpectedReturns!;
        var n = w.Length;
        var l = Cholesky(input.Covariance!);
        var key = RiskMath.KeyOf(input.Seed);
        var pairs = RiskMath.PairsOf(n);
        var z = new double[2 * pairs];
        var losses = new double[input.Paths];
        for (long path = 0; path < input.Paths; path++)
        {
            var total = 0.0;
            for (var s = 0; s < input.Horizon; s++)
            {
                for (var q = 0; q < pairs; q++)
                {
                    var c = RiskMath.PairCounter(path, s, q, input.Horizon, pairs);
                    var r = Math.Sqrt(-2.0 * Math.Log(RiskMath.Uniform(key, 2 * c)));
                    var angle = 2 * Math.PI * RiskMath.Uniform(key, 2 * c + 1);
                    z[2 * q] = r * Math.Cos(angle);
                    z[2 * q + 1] = r * Math.Sin(angle);
                }
                for (var i = 0; i < n; i++)
                {
                    var x = mu[i];
                    for (var k = 0; k <= i; k++) x += l[i, k] * z[k];
                    total += w[i] * x;
                }
            }
            losses[path] = -total * input.PortfolioValue;
        }
        return losses;
    }

    public static FinanceRiskOutput Statistics(FinanceRiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var losses = Losses(input);
        Array.Sort(losses);
        var k = (long)Math.Ceiling((decimal)input.Confidence * input.Paths);
        var var = losses[Math.Max(1, k) - 1];
        var tail = losses.Where(x => x >= var).ToArray();
        var mean = losses.Average();
        var std = losses.Length > 1 ? Math.Sqrt(losses.Sum(x => (x - mean) * (x - mean)) / (losses.Length - 1)) : 0;
        return new FinanceRiskOutput { Var = var, Cvar = tail.Average(), MeanLoss = mean, StdLoss = std, Paths = input.Paths };
    }

    private static double[,] Cholesky(double[][] a)
    {
        var n = a.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i][j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                l[i, j] = i == j ? Math.Sqrt(sum) : sum / l[j, j];
            }
        }
        return l;
    }
}
