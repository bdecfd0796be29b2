using MassTransit;
using Prism.ServiceDefaults.Messaging;

namespace Prism.Processor.Jobs;

/// <summary>A temporary queue unique to this processor: every processor hears every cancel.</summary>
public sealed class CancelJobConsumerDefinition : ConsumerDefinition<CancelJobConsumer>
{
    public CancelJobConsumerDefinition()
    {
        Endpoint(e => PerInstanceEndpoint.Configure(e, "prism-cancellations"));
    }
}
