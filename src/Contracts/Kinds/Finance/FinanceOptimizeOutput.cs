namespace Prism.Contracts.Kinds.Finance;

/// <summary>Output of <c>finance.optimize</c>; figures per period, like the input.</summary>
public sealed record FinanceOptimizeOutput
{
    /// <summary>Weights in the order of the input's symbols; they sum to 1.</summary>
    public required PortfolioWeight[] Weights { get; init; }

    /// <summary>μᵀw.</summary>
    public required double ExpectedReturn { get; init; }

    /// <summary>Standard deviation sqrt(wᵀΣw).</summary>
    public required double Risk { get; init; }

    /// <summary>(expectedReturn − riskFreeRate) / risk; 0 when risk is 0.</summary>
    public required double SharpeRatio { get; init; }
}
