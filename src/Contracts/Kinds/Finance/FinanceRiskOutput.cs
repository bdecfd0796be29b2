namespace Prism.Contracts.Kinds.Finance;

/// <summary>Output of <c>finance.risk</c>: loss statistics over the simulated paths, in the currency of portfolioValue.</summary>
public sealed record FinanceRiskOutput
{
    /// <summary>The ⌈confidence·paths⌉-th smallest loss.</summary>
    public required double Var { get; init; }

    /// <summary>Mean of the losses ≥ <see cref="Var"/>.</summary>
    public required double Cvar { get; init; }
    public required double MeanLoss { get; init; }

    /// <summary>Sample standard deviation of the losses (divisor paths − 1; 0 for one path).</summary>
    public required double StdLoss { get; init; }
    public required long Paths { get; init; }
}
