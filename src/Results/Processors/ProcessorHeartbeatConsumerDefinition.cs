using MassTransit;
using Prism.ServiceDefaults.Messaging;

namespace Prism.Results.Processors;

/// <summary>A temporary queue unique to this replica: every replica sees every processor.</summary>
public sealed class ProcessorHeartbeatConsumerDefinition : ConsumerDefinition<ProcessorHeartbeatConsumer>
{
    public ProcessorHeartbeatConsumerDefinition()
    {
        Endpoint(e => PerInstanceEndpoint.Configure(e, "prism-heartbeats"));
    }
}
