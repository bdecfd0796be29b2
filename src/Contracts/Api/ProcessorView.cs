namespace Prism.Contracts.Api;

/// <summary>A live processor as <c>GET /api/v1/processors</c> lists it.</summary>
public sealed record ProcessorView
{
    public required string ProcessorId { get; init; }
    public required string Engine { get; init; }
    public required string DeviceName { get; init; }
    public required long MemoryBytes { get; init; }
    public required IReadOnlyList<string> Kinds { get; init; }
    public required int InFlight { get; init; }
    public required long JobsDone { get; init; }
    public required string Version { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
}
