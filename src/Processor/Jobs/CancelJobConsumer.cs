using MassTransit;
using Prism.Contracts;

namespace Prism.Processor.Jobs;

/// <summary>Hears every cancel request (a temporary queue per processor) and passes it to the <see cref="CancellationRegistry"/>.</summary>
public sealed class CancelJobConsumer(CancellationRegistry registry) : IConsumer<CancelJob>
{
    public Task Consume(ConsumeContext<CancelJob> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        registry.Cancel(context.Message.JobId);
        return Task.CompletedTask;
    }
}
