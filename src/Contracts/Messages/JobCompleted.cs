using System.Text.Json;

namespace Prism.Contracts;

/// <summary>A job's result, computed.</summary>
public sealed record JobCompleted
{
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public required JsonElement Result { get; init; }
    public required string ProcessorId { get; init; }
    public required string Engine { get; init; }
    public required string DeviceName { get; init; }

    /// <summary>Wall time of the computation alone (parse, kernel, result assembly).</summary>
    public required double ComputeMs { get; init; }
    public int Attempt { get; init; } = 1;
    public string? TenantId { get; init; }
}
