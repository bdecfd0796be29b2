namespace Prism.Contracts.Kinds.Telecom;

/// <summary>A network node. <see cref="Capacity"/> is informational: routing does not use it.</summary>
public sealed record TelecomNode
{
    public string? Id { get; init; }
    public double? Capacity { get; init; }
}
