using MassTransit;
using Prism.Contracts;

namespace Prism.Results.Events;

/// <summary>
/// The results queue. A store that is briefly down (a PostgreSQL restart) is waited out with
/// spaced retries, about a minute in all, before a message is given up to <c>prism-results_error</c>.
/// </summary>
public sealed class JobEventConsumerDefinition : ConsumerDefinition<JobEventConsumer>
{
    public JobEventConsumerDefinition()
    {
        EndpointName = QueueNames.Results;
        ConcurrentMessageLimit = 32;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<JobEventConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = 64;
        endpointConfigurator.UseMessageRetry(r => r.Incremental(12, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(750)));
    }
}
