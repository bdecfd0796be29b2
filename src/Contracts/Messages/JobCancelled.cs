namespace Prism.Contracts;

/// <summary>A processor stopped (or never started) a job because it was cancelled.</summary>
public sealed record JobCancelled
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset CancelledAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? ProcessorId { get; init; }
    public string? TenantId { get; init; }
}
