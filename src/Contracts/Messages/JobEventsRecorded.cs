using Prism.Contracts.Api;

namespace Prism.Contracts;

/// <summary>
/// Published by the Results replica that stored job events, once per transaction, after its commit:
/// every replica fans them out to its own SSE/WebSocket subscribers, with the stored sequence numbers
/// as the event ids. <see cref="Events"/> is in commit (id) order. One message per transaction rather
/// than per event: a job's three events would otherwise cost three publishes and three deliveries to
/// every replica.
/// </summary>
public sealed record JobEventsRecorded
{
    public required IReadOnlyList<JobEvent> Events { get; init; }
}
