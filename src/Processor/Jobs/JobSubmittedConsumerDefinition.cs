using MassTransit;
using Microsoft.Extensions.Options;
using Prism.Contracts;
using Prism.ServiceDefaults.Messaging;

namespace Prism.Processor.Jobs;

/// <summary>
/// The work queue: priority-enabled, prefetch from <see cref="BusOptions"/>, as many jobs at once as
/// <see cref="ProcessorOptions.MaxConcurrentJobs"/>, a few spaced retries for transient faults
/// (a job that still fails is faulted to <c>prism-jobs_error</c> and Results marks it failed).
/// </summary>
public sealed class JobSubmittedConsumerDefinition : ConsumerDefinition<JobSubmittedConsumer>
{
    private readonly ProcessorOptions _processor;
    private readonly BusOptions _bus;

    public JobSubmittedConsumerDefinition(IOptions<ProcessorOptions> processor, IOptions<BusOptions> bus)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(bus);
        _processor = processor.Value;
        _bus = bus.Value;
        EndpointName = QueueNames.Jobs;
        // More messages in hand than compute slots: the PriorityGate picks which of them runs next.
        ConcurrentMessageLimit = Math.Max(_bus.PrefetchCount, _processor.MaxConcurrentJobs);
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<JobSubmittedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = Math.Max(_bus.PrefetchCount, _processor.MaxConcurrentJobs);
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.EnablePriority(QueueNames.MaxPriority);
        }
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(400));
            r.Ignore<OperationCanceledException>();
        });
    }
}
