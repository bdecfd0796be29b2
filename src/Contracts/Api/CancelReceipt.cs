namespace Prism.Contracts.Api;

/// <summary>The 202 answer to <c>DELETE /api/v1/jobs/{id}</c>: the cancel was requested; the job ends <c>cancelled</c>.</summary>
public sealed record CancelReceipt
{
    public required Guid JobId { get; init; }
    public required string Status { get; init; }
    public required JobLinks Links { get; init; }
}
