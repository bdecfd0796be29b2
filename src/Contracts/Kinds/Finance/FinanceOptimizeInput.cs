namespace Prism.Contracts.Kinds.Finance;

/// <summary>
/// Input of <c>finance.optimize</c>: either <see cref="Returns"/> (T×N, rows are periods) or
/// <see cref="ExpectedReturns"/> + <see cref="Covariance"/>; all figures per period.
/// </summary>
public sealed record FinanceOptimizeInput
{
    /// <summary>Per-period returns, one row per period, one column per symbol.</summary>
    public double[][]? Returns { get; init; }
    public double[]? ExpectedReturns { get; init; }
    public double[][]? Covariance { get; init; }
    public string[]? Symbols { get; init; }

    /// <summary>One of <see cref="FinanceObjectives"/>.</summary>
    public string Objective { get; init; } = FinanceObjectives.MinimizeRisk;

    /// <summary>λ of <c>mean_variance</c> (maximise μᵀw − λ/2·wᵀΣw); required and &gt; 0 for it.</summary>
    public double? RiskAversion { get; init; }

    public double MinWeight { get; init; }
    public double MaxWeight { get; init; } = 1;
    public double RiskFreeRate { get; init; }
}
