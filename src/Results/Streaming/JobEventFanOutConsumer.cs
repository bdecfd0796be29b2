using MassTransit;
using Prism.Contracts;

namespace Prism.Results.Streaming;

/// <summary>Hands every stored event to this replica's live subscribers. Runs on a temporary queue per replica.</summary>
public sealed class JobEventFanOutConsumer(EventBroadcaster broadcaster) : IConsumer<JobEventsRecorded>
{
    public Task Consume(ConsumeContext<JobEventsRecorded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var recorded in context.Message.Events) broadcaster.Publish(recorded);
        return Task.CompletedTask;
    }
}
