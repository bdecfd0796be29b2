using MassTransit;
using Prism.ServiceDefaults.Messaging;

namespace Prism.Results.Streaming;

/// <summary>
/// A non-durable, auto-deleted queue unique to this replica: every replica gets every event for its
/// own subscribers, and a stopped replica leaves nothing behind. Subscribers that were not connected
/// catch up from the store, so this queue never needs to survive.
/// </summary>
public sealed class JobEventFanOutConsumerDefinition : ConsumerDefinition<JobEventFanOutConsumer>
{
    public const string QueuePrefix = "prism-events";

    public JobEventFanOutConsumerDefinition()
    {
        Endpoint(e => PerInstanceEndpoint.Configure(e, QueuePrefix));
        // One at a time: events reach live subscribers in the order Results announced them (commit order).
        ConcurrentMessageLimit = 1;
    }
}
