namespace Prism.Contracts;

/// <summary>A processor's periodic sign of life: what it runs on, what it serves, how busy it is.</summary>
public sealed record ProcessorHeartbeat
{
    public required string ProcessorId { get; init; }
    public required string Engine { get; init; }
    public required string DeviceName { get; init; }
    public required long MemoryBytes { get; init; }
    public required IReadOnlyList<string> Kinds { get; init; }
    public required int InFlight { get; init; }
    public required long JobsDone { get; init; }
    public required string Version { get; init; }
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>True in the last heartbeat of a processor shutting down: it is gone at once, not after a timeout.</summary>
    public bool Stopping { get; init; }
}
