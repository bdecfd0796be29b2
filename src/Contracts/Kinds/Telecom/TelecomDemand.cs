namespace Prism.Contracts.Kinds.Telecom;

/// <summary>Traffic to route from <see cref="Source"/> to <see cref="Destination"/> (same units as link bandwidth).</summary>
public sealed record TelecomDemand
{
    public string? Source { get; init; }
    public string? Destination { get; init; }
    public double Bandwidth { get; init; }
}
