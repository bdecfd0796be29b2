namespace Prism.Contracts.Kinds.Telecom;

/// <summary>Values of <see cref="TelecomOptimizeInput.Objective"/>.</summary>
public static class TelecomObjectives
{
    public const string MinimizeLatency = "minimize_latency";
    public const string BalanceLoad = "balance_load";

    public static IReadOnlyList<string> All { get; } = [MinimizeLatency, BalanceLoad];
}
