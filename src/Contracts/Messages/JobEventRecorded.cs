using Prism.Contracts.Api;

namespace Prism.Contracts;

/// <summary>
/// Published by the Results replica that stored a job event, after storing it: every replica fans it
/// out to its own SSE/WebSocket subscribers, with the stored sequence number as the event id.
/// </summary>
public sealed record JobEventRecorded
{
    public required JobEvent Event { get; init; }
}
