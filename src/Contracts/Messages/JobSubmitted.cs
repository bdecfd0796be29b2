using System.Text.Json;

namespace Prism.Contracts;

/// <summary>A job accepted by Ingest. Consumed by the processors (work) and by Results (queued state).</summary>
public sealed record JobSubmitted
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }

    /// <summary>The kind's input exactly as validated by Ingest; the processor parses and re-validates it.</summary>
    public required JsonElement Input { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }
    public int Priority { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public string? TenantId { get; init; }
}
