namespace Prism.Client;

/// <summary>Which job events <see cref="PrismClient.SubscribeAsync"/> streams. Every property is optional.</summary>
public sealed record EventFilter
{
    /// <summary>Every event of every job.</summary>
    public static EventFilter All { get; } = new();

    /// <summary>Only this job's events, from its first one (the server replays those already recorded).</summary>
    public Guid? JobId { get; init; }

    /// <summary>Only jobs of this kind, e.g. <c>pixels.entropy</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Start after this event id (sent as <c>Last-Event-ID</c>); null starts with events from now on.</summary>
    public long? LastEventId { get; init; }
}
