using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Results.Storage;
using System.Security.Claims;
using Prism.ServiceDefaults.Http;
using Prism.ServiceDefaults.Security;

namespace Prism.Results.Apis;

/// <summary>
/// <c>DELETE /api/v1/jobs/{id}</c>: cancel. Served by Results because Results knows the job's state
/// (a finished job answers 409 with it); the ingress routes this one path here. The cancel goes out
/// as <see cref="CancelJob"/>: Results records the job cancelled, processors skip or stop it.
/// </summary>
public static class CancelApi
{
    public static IEndpointRouteBuilder MapCancelApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/jobs/{jobId:guid}", CancelJob).RequireAuthorization(PrismPolicies.Submit).WithName("CancelJob").WithTags("Jobs")
            .WithSummary("Cancels a queued or running job: 202; a finished job: 409 with its state; unknown: 404.");
        return app;
    }

    public static async Task<Results<Accepted<CancelReceipt>, ProblemHttpResult>> CancelJob(
        Guid jobId, IResultStore store, IPublishEndpoint publisher, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var job = await store.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || !CallerExtensions.Sees(user.TenantScope(), job.TenantId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such job.",
                detail: $"No job {jobId} has been recorded.");
        }
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
}
