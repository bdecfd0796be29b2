namespace Prism.Contracts.Kinds.Telecom;

/// <summary>An undirected link between two nodes; parallel links are allowed.</summary>
public sealed record TelecomLink
{
    public string? Source { get; init; }
    public string? Target { get; init; }
    public double LatencyMs { get; init; }
    public double Bandwidth { get; init; }
}
