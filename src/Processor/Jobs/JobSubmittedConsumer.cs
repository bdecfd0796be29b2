using MassTransit;
using Prism.Contracts;

namespace Prism.Processor.Jobs;

/// <summary>Takes jobs off the work queue and hands them to the <see cref="JobRunner"/>.</summary>
public sealed partial class JobSubmittedConsumer(JobRunner runner, FinishedJobs finished, ILogger<JobSubmittedConsumer> logger) : IConsumer<JobSubmitted>
{
    public async Task Consume(ConsumeContext<JobSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.Message;
        if (finished.Contains(job.JobId))
        {
            LogAlreadyFinished(logger, job.JobId);
            return;
        }
        var attempt = context.GetRedeliveryCount() + context.GetRetryAttempt() + 1;
        await runner.RunAsync(job, context, attempt, context.CancellationToken).ConfigureAwait(false);
        finished.Add(job.JobId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} delivered again after this processor finished it; acknowledged without running it twice")]
    private static partial void LogAlreadyFinished(ILogger logger, Guid jobId);
}
