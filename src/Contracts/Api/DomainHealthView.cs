namespace Prism.Contracts.Api;

/// <summary><c>GET /api/v1/{domain}/health</c>: computed from live processors and the last minutes of jobs.</summary>
public sealed record DomainHealthView
{
    public required string Domain { get; init; }

    /// <summary><c>healthy</c>, <c>degraded</c> or <c>unavailable</c>.</summary>
    public required string Status { get; init; }
    public string? Reason { get; init; }
    public required IReadOnlyList<string> Kinds { get; init; }
    public required int Processors { get; init; }
    public required int WindowMinutes { get; init; }
    public required int Jobs { get; init; }
    public required int Failed { get; init; }
    public double? P50Ms { get; init; }
    public double? P95Ms { get; init; }
}
