using System.Text.Json;

namespace Prism.Contracts.Api;

/// <summary>Body of <c>POST /api/v1/jobs</c>.</summary>
public sealed record SubmitJobRequest
{
    public string? Kind { get; init; }
    public JsonElement Input { get; init; }

    /// <summary>0 (default) to 9; higher runs first.</summary>
    public int? Priority { get; init; }

    /// <summary>A job not started within this many seconds fails with <c>deadline_exceeded</c>.</summary>
    public int? DeadlineSeconds { get; init; }
}
