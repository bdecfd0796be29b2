using System.Text.Json;

namespace Prism.Contracts.Api;

/// <summary>A job as <c>GET /api/v1/results/{id}</c> serves it.</summary>
public sealed record JobResultView
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int Attempts { get; init; }
    public AcceleratorView? Accelerator { get; init; }
    public required JobTimings Timings { get; init; }
    public JsonElement? Result { get; init; }
    public JobError? Error { get; init; }

    /// <summary>The tenant that submitted the job (absent when authentication is off).</summary>
    public string? TenantId { get; init; }
}
