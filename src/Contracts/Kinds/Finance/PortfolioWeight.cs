namespace Prism.Contracts.Kinds.Finance;

/// <summary>One symbol's weight in an optimised portfolio.</summary>
public sealed record PortfolioWeight
{
    public required string Symbol { get; init; }
    public required double Weight { get; init; }
}
