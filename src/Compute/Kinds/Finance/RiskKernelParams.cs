namespace Prism.Compute.Kinds.Finance;

/// <summary>Scalars of <see cref="RiskKernels.Losses"/>, passed by value.</summary>
public readonly record struct RiskKernelParams(ulong Key, long FirstPath, int Horizon, int Assets, double MeanReturn, double PortfolioValue);
