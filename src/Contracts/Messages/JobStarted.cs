namespace Prism.Contracts;

/// <summary>A processor took the job and is computing it.</summary>
public sealed record JobStarted
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string ProcessorId { get; init; }
    public required string Engine { get; init; }
    public required string DeviceName { get; init; }

    /// <summary>1 for the first delivery; higher when the broker redelivered the job.</summary>
    public int Attempt { get; init; } = 1;
    public string? TenantId { get; init; }
}
