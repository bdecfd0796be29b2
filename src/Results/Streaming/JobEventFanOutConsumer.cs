using MassTransit;
using Prism.Contracts;

namespace Prism.Results.Streaming;

/// <summary>Hands every stored event to this replica's live subscribers. Runs on a temporary queue per replica.</summary>
public sealed class JobEventFanOutConsumer(EventBroadcaster broadcaster) : IConsumer<JobEventRecorded>
{
    public Task Consume(ConsumeContext<JobEventRecorded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        broadcaster.Publish(context.Message.Event);
        return Task.CompletedTask;
    }
}
