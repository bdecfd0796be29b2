using Prism.Contracts.Kinds.Finance;

namespace Prism.Compute.Kinds.Finance;

/// <summary>
/// The three objectives of <c>finance.optimize</c> on top of <see cref="PortfolioQp"/>:
/// <list type="bullet">
/// <item><c>minimize_risk</c>: t = 0.</item>
/// <item><c>mean_variance</c>: maximising μᵀw − λ/2·wᵀΣw is minimising ½wᵀΣw − (1/λ)·μᵀw, so t = 1/λ.</item>
/// <item><c>maximize_sharpe</c>: the tangency portfolio w* satisfies the KKT conditions of the
/// mean-variance problem with λ* = (μᵀw* − rf) / w*ᵀΣw*. Along the frontier w(t), the sign of
/// h(t) = μᵀw(t) − rf − w(t)ᵀΣw(t)/t is the sign of the Sharpe ratio's slope in the opposite
/// direction (negative below t*, positive above, because the Sharpe ratio is quasi-concave along
/// the frontier), so bisection on log t finds t* and w(t*) is the constrained maximum.</item>
/// </list>
/// </summary>
public static class PortfolioOptimizer
{
    private const int BracketSteps = 60;
    private const int BisectionSteps = 200;

    public static double[] Optimize(double[] sigma, double[] mu, string objective, double riskAversion, double lo, double hi, double riskFreeRate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        ArgumentNullException.ThrowIfNull(mu);
        var n = mu.Length;
        var maxVariance = 0.0;
        for (var i = 0; i < n; i++) maxVariance = Math.Max(maxVariance, sigma[i * n + i]);
        var (ridge, condition) = Conditioning(sigma, n, maxVariance);
        var qp = new PortfolioQp(sigma, ridge, condition, mu, lo, hi);

        switch (objective)
        {
            case FinanceObjectives.MinimizeRisk:
                qp.Solve(0, cancellationToken);
                return (double[])qp.Weights.Clone();
            case FinanceObjectives.MeanVariance:
                qp.Solve(1 / riskAversion, cancellationToken);
                return (double[])qp.Weights.Clone();
            case FinanceObjectives.MaximizeSharpe:
                return MaximizeSharpe(qp, sigma, mu, riskFreeRate, maxVariance, cancellationToken);
            default:
                throw new ArgumentException($"Unknown objective '{objective}'.", nameof(objective));
        }
    }

    /// <summary>
    /// No ridge when Σ factors with every pivot above 1e-12 of its diagonal (then the answer is
    /// exact); otherwise the ridge of <see cref="CovarianceRules.SemidefiniteRidge"/> × the largest
    /// variance, so a singular Σ (e.g. fewer periods than symbols) still has one optimum. The
    /// condition estimate is the largest variance over the smallest squared pivot.
    /// </summary>
    public static (double Ridge, double Condition) Conditioning(double[] sigma, int n, double maxVariance)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        var rows = new double[n][];
        for (var i = 0; i < n; i++) rows[i] = sigma.AsSpan(i * n, n).ToArray();
        var factor = CovarianceRules.Cholesky(rows, 0, 1e-12);
        var scale = maxVariance > 0 ? maxVariance : 1;
        if (factor is null) return (CovarianceRules.SemidefiniteRidge * scale, 1 / CovarianceRules.SemidefiniteRidge);
        var minPivot = double.MaxValue;
        for (var i = 0; i < n; i++) minPivot = Math.Min(minPivot, factor[i * n + i] * factor[i * n + i]);
        return (0, scale / minPivot);
    }

    private static double[] MaximizeSharpe(PortfolioQp qp, double[] sigma, double[] mu, double riskFreeRate, double maxVariance, CancellationToken cancellationToken)
    {
        var excess = 0.0;
        foreach (var m in mu) excess = Math.Max(excess, Math.Abs(m - riskFreeRate));
        var scale = (maxVariance > 0 ? maxVariance : 1) / (excess > 0 ? excess : 1);

        double Slope(double t)
        {
            qp.Solve(t, cancellationToken);
            var w = qp.Weights;
            return PortfolioMath.Dot(mu, w) - riskFreeRate - PortfolioMath.Quadratic(sigma, w) / t;
        }

        double logHi = Math.Log(scale) + 10, logLo = Math.Log(scale) - 10;
        for (var k = 0; k < BracketSteps && Slope(Math.Exp(logHi)) <= 0; k++) logHi += 5;
        for (var k = 0; k < BracketSteps && Slope(Math.Exp(logLo)) >= 0; k++) logLo -= 5;
        if (Slope(Math.Exp(logLo)) >= 0)
        {
            // A (numerically) riskless portfolio already beats the risk-free rate: its Sharpe ratio is unbounded.
            return (double[])qp.Weights.Clone();
        }

        for (var k = 0; k < BisectionSteps && logHi - logLo > 1e-15 * Math.Max(1, Math.Abs(logLo)); k++)
        {
            var mid = 0.5 * (logLo + logHi);
            if (Slope(Math.Exp(mid)) > 0) logHi = mid;
            else logLo = mid;
        }
        var atLo = Solved(qp, Math.Exp(logLo), cancellationToken);
        var atHi = Solved(qp, Math.Exp(logHi), cancellationToken);
        return Sharpe(sigma, mu, riskFreeRate, atHi) >= Sharpe(sigma, mu, riskFreeRate, atLo) ? atHi : atLo;
    }

    private static double[] Solved(PortfolioQp qp, double t, CancellationToken cancellationToken)
    {
        qp.Solve(t, cancellationToken);
        return (double[])qp.Weights.Clone();
    }

    /// <summary>(μᵀw − rf) / sqrt(wᵀΣw), or 0 when the risk is 0.</summary>
    public static double Sharpe(double[] sigma, double[] mu, double riskFreeRate, double[] w)
    {
        var risk = Math.Sqrt(Math.Max(0, PortfolioMath.Quadratic(sigma, w)));
        return risk > 0 ? (PortfolioMath.Dot(mu, w) - riskFreeRate) / risk : 0;
    }
}
