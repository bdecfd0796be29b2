using MassTransit;

namespace Prism.Results.Processors;

/// <summary>A temporary queue unique to this replica: every replica sees every processor.</summary>
public sealed class ProcessorHeartbeatConsumerDefinition : ConsumerDefinition<ProcessorHeartbeatConsumer>
{
    public ProcessorHeartbeatConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.Name = "prism-heartbeats";
            e.InstanceId = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];
            e.Temporary = true;
        });
    }
}
