namespace Prism.Contracts.Api;

/// <summary>
/// One entry of the job event stream (SSE <c>data:</c>, WebSocket <c>event</c> frames). <see cref="Id"/>
/// increases across the whole stream: pass the last one seen as <c>Last-Event-ID</c> to resume.
/// </summary>
public sealed record JobEvent
{
    public required long Id { get; init; }
    public required Guid JobId { get; init; }
    public required string Kind { get; init; }

    /// <summary><c>submitted</c>, <c>started</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The job's status after this event (it never moves backwards).</summary>
    public required string Status { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public string? TenantId { get; init; }
}
