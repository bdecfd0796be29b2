using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Results.Events;
using Prism.Results.Storage;
using Prism.ServiceDefaults.Http;
using Prism.ServiceDefaults.Security;

namespace Prism.Results.Apis;

/// <summary>
/// <c>DELETE /api/v1/jobs/{id}</c>: cancel. Served by Results because Results knows the job's state
/// (a finished job answers 409 with it); the ingress routes this one path here. The cancel goes out
/// as <see cref="CancelJob"/>: Results records the job cancelled, processors skip or stop it.
/// A job cancelled right after submission may not be recorded yet (its submitted event is still on
/// the way); an id Ingest minted moments ago (a UUIDv7 from the last minute) is waited for, briefly,
/// before it counts as unknown. Another tenant's job is not the caller's to see: it is waited for and
/// answered exactly like an id of no job.
/// </summary>
public static class CancelApi
{
    /// <summary>How far back a UUIDv7 job id counts as just submitted, and so worth waiting for.</summary>
    public static readonly TimeSpan RecentlyMinted = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait for a just-submitted job to be recorded.</summary>
    public static readonly TimeSpan RecordWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapCancelApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/jobs/{jobId:guid}", CancelJob).RequireAuthorization(PrismPolicies.Submit).WithName("CancelJob").WithTags("Jobs")
            .WithSummary("Cancels a queued or running job: 202; a finished job: 409 with its state; unknown: 404.");
        return app;
    }

    public static async Task<Results<Accepted<CancelReceipt>, ProblemHttpResult>> CancelJob(
        Guid jobId, IResultStore store, JobChangeNotifier notifier, IPublishEndpoint publisher, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Another tenant's job counts as not recorded, waited for included: answering it at once while an
        // id of no job waits would tell the caller it exists.
        var scope = user.TenantScope();
        var job = VisibleTo(scope, await store.GetAsync(jobId, cancellationToken).ConfigureAwait(false));
        if (job is null && IsRecentlyMinted(jobId, clock.GetUtcNow()))
        {
            job = await WaitUntilRecordedAsync(jobId, scope, store, notifier, clock, cancellationToken).ConfigureAwait(false);
        }
        if (job is null) return JobNotFound.Problem(jobId);
        if (JobStatus.IsTerminal(job.Status))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "The job already finished.",
                detail: $"Job {jobId} is {job.Status}; only queued or running jobs can be cancelled.",
                extensions: new Dictionary<string, object?> { ["jobStatus"] = job.Status, ["jobId"] = jobId });
        }

        await publisher.Publish(new Contracts.CancelJob
        {
            JobId = jobId, Kind = job.Kind, SubmittedAt = job.SubmittedAt, RequestedAt = clock.GetUtcNow(), TenantId = job.TenantId,
        }, cancellationToken).ConfigureAwait(false);
        var links = JobLinks.For(jobId);
        return TypedResults.Accepted(links.Self, new CancelReceipt { JobId = jobId, Status = "cancelling", Links = links });
    }

    /// <summary>A version-7 id whose timestamp is within <see cref="RecentlyMinted"/> of now (a little ahead allows for clock skew).</summary>
    public static bool IsRecentlyMinted(Guid jobId, DateTimeOffset now)
    {
        if (jobId.Version != 7) return false;
        var bytes = jobId.ToByteArray(bigEndian: true);
        var unixMs = 0L;
        for (var i = 0; i < 6; i++) unixMs = (unixMs << 8) | bytes[i];
        var age = now - DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
        return age <= RecentlyMinted && age >= -TimeSpan.FromSeconds(5);
    }

    private static JobResultView? VisibleTo(string? scope, JobResultView? job) => job is not null && CallerExtensions.Sees(scope, job.TenantId) ? job : null;

    private static async Task<JobResultView?> WaitUntilRecordedAsync(Guid jobId, string? scope, IResultStore store, JobChangeNotifier notifier, TimeProvider clock, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + RecordWait;
        while (true)
        {
            var change = notifier.NextChange(jobId);
            var job = VisibleTo(scope, await store.GetAsync(jobId, cancellationToken).ConfigureAwait(false));
            var left = until - clock.GetUtcNow();
            if (job is not null || left <= TimeSpan.Zero) return job;
            // The notifier only hears this replica's events; the poll catches another replica's.
            await Task.WhenAny(change, Task.Delay(left < PollInterval ? left : PollInterval, clock, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
