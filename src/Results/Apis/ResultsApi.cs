using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;
using Prism.Results.Events;
using Prism.Results.Storage;
using Prism.ServiceDefaults.Http;
using Prism.ServiceDefaults.Security;

namespace Prism.Results.Apis;

/// <summary><c>/api/v1/results</c>: one job's state (with long-poll) and the newest-first listing.</summary>
public static class ResultsApi
{
    // Waiters re-read the store this often too: the event may have landed in another replica.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/results").WithTags("Results").RequireAuthorization(PrismPolicies.Read);
        api.MapGet("/{jobId:guid}", GetResult).WithName("GetResult")
            .WithSummary("A job's state, timings and result; waitSeconds long-polls until it is finished.");
        api.MapGet("/", ListResults).WithName("ListResults")
            .WithSummary("Jobs newest first, filtered by status and kind, paged with a cursor.");
        return app;
    }

    public static async Task<Results<StoredJobResultJson, ProblemHttpResult, ValidationProblem>> GetResult(
        Guid jobId, int? waitSeconds, IResultStore store, JobChangeNotifier notifier, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var scope = user.TenantScope();
        if (waitSeconds is < 0 or > ResultsOptions.MaxWaitSeconds)
        {
            return Invalid("waitSeconds", $"must be between 0 and {ResultsOptions.MaxWaitSeconds}.");
        }

        var until = clock.GetUtcNow().AddSeconds(waitSeconds ?? 0);
        while (true)
        {
            var change = notifier.NextChange(jobId);
            // The result stays the stored bytes all the way to the response (StoredJobResultJson).
            var job = await store.GetStoredAsync(jobId, cancellationToken).ConfigureAwait(false);
            // Another tenant's job is answered exactly like one that does not exist.
            if (job is not null && !CallerExtensions.Sees(scope, job.View.TenantId)) job = null;
            if (job is not null && JobStatus.IsTerminal(job.View.Status)) return new StoredJobResultJson(job);

            var left = until - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                if (job is not null) return new StoredJobResultJson(job);
                return JobNotFound.Problem(jobId, "A job just submitted may not be recorded yet: pass waitSeconds to wait for it.");
            }

            var wake = Task.Delay(left < PollInterval ? left : PollInterval, clock, cancellationToken);
            await Task.WhenAny(change, wake).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public static async Task<Results<Ok<JobPage>, ValidationProblem>> ListResults(
        string? status, string? kind, int? limit, string? cursor, IResultStore store, JobKindCatalog kinds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kinds);
        if (status is not null && !JobStatus.All.Contains(status))
        {
            return Invalid("status", $"must be one of: {string.Join(", ", JobStatus.All)}.");
        }
        if (kind is not null && !kinds.Contains(kind))
        {
            return Invalid("kind", $"is not a known kind. Known kinds: {string.Join(", ", kinds.Names)}.");
        }
        if (limit is < 1 or > ResultsOptions.MaxPageSize)
        {
            return Invalid("limit", $"must be between 1 and {ResultsOptions.MaxPageSize}.");
        }
        JobCursor? after = null;
        if (cursor is not null && !JobCursor.TryDecode(cursor, out after))
        {
            return Invalid("cursor", "is not a cursor this API issued (pass nextCursor back unchanged).");
        }

        var query = new JobQuery(status, kind, limit ?? ResultsOptions.DefaultPageSize, after) { Tenant = user.TenantScope() };
        var page = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(page);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, type: ProblemTypes.Validation, title: "The request is invalid.");
}
