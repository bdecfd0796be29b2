namespace Prism.Results.Storage;

/// <summary>
/// What one job event says about a job, in store terms. The store merges it into the job's row:
/// states only move forward, and the first terminal event fixes the outcome.
/// </summary>
public sealed record JobRecordUpdate
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int Attempts { get; init; }
    public string? ProcessorId { get; init; }
    public string? Engine { get; init; }
    public string? DeviceName { get; init; }
    public double? ComputeMs { get; init; }
    public string? ResultJson { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public string? TenantId { get; init; }
}
