namespace Prism.Contracts;

/// <summary>A request to cancel a job: Results marks it cancelled unless it already finished; processors stop or skip it.</summary>
public sealed record CancelJob
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public string? TenantId { get; init; }
}
