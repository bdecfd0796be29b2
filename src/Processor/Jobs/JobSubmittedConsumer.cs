using MassTransit;
using Prism.Contracts;

namespace Prism.Processor.Jobs;

/// <summary>Takes jobs off the work queue and hands them to the <see cref="JobRunner"/>.</summary>
public sealed class JobSubmittedConsumer(JobRunner runner) : IConsumer<JobSubmitted>
{
    public Task Consume(ConsumeContext<JobSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var attempt = context.GetRedeliveryCount() + context.GetRetryAttempt() + 1;
        return runner.RunAsync(context.Message, context, attempt, context.CancellationToken);
    }
}
