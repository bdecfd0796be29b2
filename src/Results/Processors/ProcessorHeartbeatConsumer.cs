using MassTransit;
using Prism.Contracts;

namespace Prism.Results.Processors;

/// <summary>Records processor heartbeats. Runs on a temporary queue per replica, like the event fan-out.</summary>
public sealed class ProcessorHeartbeatConsumer(ProcessorRegistry registry) : IConsumer<ProcessorHeartbeat>
{
    public Task Consume(ConsumeContext<ProcessorHeartbeat> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        registry.Record(context.Message);
        return Task.CompletedTask;
    }
}
