namespace Prism.Contracts.Kinds.Telecom;

/// <summary>Input of <c>telecom.optimize</c>: a network, the demands to route and the objective.</summary>
public sealed record TelecomOptimizeInput
{
    public TelecomNode[]? Nodes { get; init; }
    public TelecomLink[]? Links { get; init; }
    public TelecomDemand[]? Demands { get; init; }

    /// <summary>One of <see cref="TelecomObjectives"/>.</summary>
    public string Objective { get; init; } = TelecomObjectives.MinimizeLatency;
}
