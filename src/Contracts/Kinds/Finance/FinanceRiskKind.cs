using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Finance;

/// <summary>Schema of <c>finance.risk</c>.</summary>
public sealed class FinanceRiskKind : JobKind<FinanceRiskInput>
{
    public const int MaxAssets = 100;
    public const int MaxHorizon = 1000;
    public const long MaxPaths = 100_000_000;

    /// <summary>
    /// Most normal draws per job (paths × horizon × assets): the work limit that keeps one job from
    /// holding a compute slot for long. The CPU engine draws ~1e9 in 14.5 s on a 16-core machine (36 s on
    /// 2 cores), so 4e9 is about a minute there and seconds on a GPU; the former 1e11 was ~24 minutes.
    /// </summary>
    public const double MaxDraws = 4e9;

    public const double MinConfidence = 0.5;
    public const double MaxConfidence = 0.999999;
    public const double MaxPortfolioValue = 1e15;
    public const double MaxAbsWeight = 1e3;

    /// <summary>Smallest Cholesky pivot, relative to its variance, of a covariance taken as positive definite.</summary>
    public const double MinRelativePivot = 1e-12;

    public override string Name => JobKinds.FinanceRisk;

    public override void Validate(FinanceRiskInput input, ValidationErrors errors)
    {
        var n = 0;
        if (errors.Length(".weights", input.Weights, 1, MaxAssets) && errors.AllFinite(".weights", input.Weights!))
        {
            n = input.Weights!.Length;
            for (var i = 0; i < n; i++)
            {
                if (!errors.Range($".weights[{i}]", input.Weights[i], -MaxAbsWeight, MaxAbsWeight)) break;
            }
        }
        if (n > 0)
        {
            if (errors.Length(".expectedReturns", input.ExpectedReturns, n, n)) errors.AllWithin(".expectedReturns", input.ExpectedReturns!, MarketLimits.MaxAbsReturn);
            if (CovarianceRules.ValidateSymmetric(errors, ".covariance", input.Covariance, n)
                && CovarianceRules.Cholesky(input.Covariance!, 0, MinRelativePivot) is null)
            {
                errors.Add(".covariance", "must be positive definite (its Cholesky factorisation failed).");
            }
        }

        var horizonOk = errors.Range(".horizon", input.Horizon, 1, MaxHorizon);
        if (errors.Range(".confidence", input.Confidence, MinConfidence, MaxConfidence) && input.Confidence >= 1)
        {
            errors.Add(".confidence", "must be below 1.");
        }
        var pathsOk = errors.Range(".paths", input.Paths, 1, MaxPaths);
        if (errors.Range(".portfolioValue", input.PortfolioValue, 0, MaxPortfolioValue) && input.PortfolioValue <= 0)
        {
            errors.Add(".portfolioValue", "must be greater than 0.");
        }
        if (n > 0 && horizonOk && pathsOk && (double)input.Paths * input.Horizon * n > MaxDraws)
        {
            errors.Add(".paths", $"paths × horizon × assets must be at most {MaxDraws:0e0} normal draws (was {(double)input.Paths * input.Horizon * n:0.###e0}).");
        }
    }
}
