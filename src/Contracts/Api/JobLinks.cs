namespace Prism.Contracts.Api;

/// <summary>Paths on the public API where a job's state and events are served.</summary>
public sealed record JobLinks
{
    public required string Self { get; init; }
    public required string Events { get; init; }

    public static JobLinks For(Guid jobId) => new()
    {
        Self = $"/api/v1/results/{jobId}",
        Events = $"/api/v1/events?jobId={jobId}",
    };
}
