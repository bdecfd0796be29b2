using MassTransit;
using Microsoft.Extensions.Options;
using Prism.Compute;
using Prism.Contracts;
using Prism.ServiceDefaults.Messaging;

namespace Prism.Processor.Jobs;

/// <summary>
/// The work queue: priority-enabled, prefetch from <see cref="BusOptions"/>, as many jobs at once as
/// <see cref="ProcessorOptions.MaxConcurrentJobs"/>, and bounded exponential retries (3 more tries,
/// 200 ms to 5 s apart) for transient faults only. A job that cannot succeed — invalid input, unknown
/// kind, a <see cref="JobFailureException"/>, a computation fault the input repeats on every try
/// (<see cref="ComputationFaults"/>, <c>computation_failed</c>) — already ended in <c>JobFailed</c> and is never retried;
/// one that still throws after its retries is moved to <c>prism-jobs_error</c>, and its
/// <c>Fault&lt;JobSubmitted&gt;</c> makes Results record it failed with <c>processing_failed</c>.
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
            // Cancelled (shutdown, a cancel request) is not a fault to retry; JobRunner turns a
            // JobFailureException into JobFailed itself, so one escaping here is a bug not to repeat.
            r.Ignore<OperationCanceledException>();
            r.Ignore<JobFailureException>();
        });
    }
}
