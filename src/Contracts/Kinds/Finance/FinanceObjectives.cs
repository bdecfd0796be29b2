namespace Prism.Contracts.Kinds.Finance;

/// <summary>Values of <see cref="FinanceOptimizeInput.Objective"/>.</summary>
public static class FinanceObjectives
{
    public const string MinimizeRisk = "minimize_risk";
    public const string MaximizeSharpe = "maximize_sharpe";
    public const string MeanVariance = "mean_variance";

    public static IReadOnlyList<string> All { get; } = [MinimizeRisk, MaximizeSharpe, MeanVariance];
}
