using MassTransit;

namespace Prism.Processor.Jobs;

/// <summary>A temporary queue unique to this processor: every processor hears every cancel.</summary>
public sealed class CancelJobConsumerDefinition : ConsumerDefinition<CancelJobConsumer>
{
    public CancelJobConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.Name = "prism-cancellations";
            e.InstanceId = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];
            e.Temporary = true;
        });
    }
}
