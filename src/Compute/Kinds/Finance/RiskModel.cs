using Prism.Contracts.Kinds.Finance;

namespace Prism.Compute.Kinds.Finance;

/// <summary>
/// What a path of <c>finance.risk</c> needs: one period's portfolio return is
/// wᵀ(μ + L·z) = wᵀμ + (Lᵀw)ᵀz with z ~ N(0, I) of the assets' dimension and L the Cholesky factor of Σ.
/// <see cref="Loadings"/> = Lᵀw is applied to the full draw vector z, which is the same number as
/// forming the correlated vector L·z and weighting it, in N multiply-adds instead of N².
/// </summary>
public sealed record RiskModel(ulong Key, int Horizon, int Assets, double[] Loadings, double MeanReturn, double PortfolioValue)
{
    public static RiskModel From(FinanceRiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var w = input.Weights!;
        var n = w.Length;
        var l = CovarianceRules.Cholesky(input.Covariance!, 0, FinanceRiskKind.MinRelativePivot)
            ?? throw new ArgumentException("The covariance is not positive definite.", nameof(input));
        var loadings = new double[n];
        for (var k = 0; k < n; k++)
        {
            var sum = 0.0;
            for (var i = k; i < n; i++) sum += w[i] * l[i * n + k];
            loadings[k] = sum;
        }
        return new RiskModel(RiskMath.KeyOf(input.Seed), input.Horizon, n, loadings, PortfolioMath.Dot(w, input.ExpectedReturns!), input.PortfolioValue);
    }

    /// <summary>Standard deviation of one period's portfolio return, sqrt(wᵀΣw) = ‖Lᵀw‖.</summary>
    public double PeriodStd => Math.Sqrt(PortfolioMath.Dot(Loadings, Loadings));
}
