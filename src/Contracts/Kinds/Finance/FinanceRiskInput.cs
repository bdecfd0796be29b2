namespace Prism.Contracts.Kinds.Finance;

/// <summary>Input of <c>finance.risk</c>: a portfolio, its per-period return model and the simulation settings.</summary>
public sealed record FinanceRiskInput
{
    /// <summary>Portfolio weights (fractions of <see cref="PortfolioValue"/>), one per asset.</summary>
    public double[]? Weights { get; init; }

    /// <summary>Expected return of each asset per period.</summary>
    public double[]? ExpectedReturns { get; init; }

    /// <summary>Covariance of the per-period returns; must be positive definite.</summary>
    public double[][]? Covariance { get; init; }

    /// <summary>Periods summed into one path's return.</summary>
    public int Horizon { get; init; } = 1;

    public double Confidence { get; init; } = 0.99;
    public long Paths { get; init; } = 100_000;
    public double PortfolioValue { get; init; } = 1;
    public long Seed { get; init; }
}
