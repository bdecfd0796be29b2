namespace Prism.Contracts.Api;

/// <summary>The 202 answer to a submission.</summary>
public sealed record JobReceipt
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required JobLinks Links { get; init; }

    public static JobReceipt Queued(Guid jobId, string kind) => new()
    {
        JobId = jobId,
        Kind = kind,
        Status = JobStatus.Queued,
        Links = JobLinks.For(jobId),
    };
}
