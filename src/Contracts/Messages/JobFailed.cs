namespace Prism.Contracts;

/// <summary>A job that ended without a result. <see cref="ErrorCode"/> is one of <see cref="ErrorCodes"/>.</summary>
public sealed record JobFailed
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset FailedAt { get; init; }
    public required string ErrorCode { get; init; }
    public required string ErrorMessage { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? ProcessorId { get; init; }
    public string? Engine { get; init; }
    public string? DeviceName { get; init; }
    public int Attempt { get; init; } = 1;
    public string? TenantId { get; init; }
}
