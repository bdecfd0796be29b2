using MassTransit;
using Microsoft.Extensions.Options;
using Prism.Contracts;

namespace Prism.Ingest.Submission;

/// <summary>
/// Publishes an accepted job. With RabbitMQ the publish completes only once the broker confirmed the
/// persistent message, so a 202 means the job is on disk at the broker.
/// </summary>
public sealed class JobPublisher(IPublishEndpoint publisher, IOptions<IngestOptions> options, TimeProvider clock)
{
    /// <summary>A new time-ordered job id (UUIDv7: the store's newest-first order follows it).</summary>
    public Guid NewJobId() => Guid.CreateVersion7(clock.GetUtcNow());

    public async Task<JobSubmitted> PublishAsync(JobSubmission submission, Guid jobId, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = clock.GetUtcNow();
        var message = new JobSubmitted
        {
            JobId = jobId,
            Kind = submission.Kind.Name,
            Input = submission.Input,
            SubmittedAt = now,
            Priority = submission.Priority,
            Deadline = submission.DeadlineSeconds is { } s ? now.AddSeconds(s) : null,
            TenantId = tenantId,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PublishTimeoutSeconds));
        await publisher.Publish(message, context => context.TrySetPriority((byte)submission.Priority), timeout.Token).ConfigureAwait(false);
        return message;
    }
}
