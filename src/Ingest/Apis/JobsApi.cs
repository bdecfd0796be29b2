using Microsoft.AspNetCore.Mvc;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;
using Prism.Ingest.Admission;
using Prism.Ingest.Idempotency;
using Prism.Ingest.Submission;
using Prism.ServiceDefaults.Http;
using Prism.ServiceDefaults.Security;

namespace Prism.Ingest.Apis;

/// <summary>
/// <c>POST /api/v1/jobs</c>, <c>POST /api/v1/jobs/batch</c>, and one alias per kind
/// (<c>POST /api/v1/pixels/entropy</c>, …) whose body is the input itself.
/// </summary>
public static partial class JobsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 200;

    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Jobs").RequireAuthorization(PrismPolicies.Submit);
        api.MapPost("/jobs", SubmitJob).WithName("SubmitJob")
            .WithSummary("Validates a job and queues it; 202 with the receipt and the result's Location. Honours Idempotency-Key.");
        api.MapPost("/jobs/batch", SubmitBatch).WithName("SubmitBatch")
            .WithSummary("Validates every job of an array and queues them all, or rejects the whole batch naming each bad item.");

        foreach (var kind in app.ServiceProvider.GetRequiredService<JobKindCatalog>().All)
        {
            api.MapPost("/" + kind.Name.Replace('.', '/'), (HttpContext http, SubmissionReader reader, JobPublisher publisher, IIdempotencyStore keys, IngestMetrics metrics, ILoggerFactory logs, CancellationToken ct) =>
                    SubmitAlias(kind, http, reader, publisher, keys, metrics, logs, ct))
                .WithName("Submit_" + kind.Name.Replace('.', '_').Replace('-', '_'))
                .WithSummary($"Queues a {kind.Name} job; the body is its input. Honours Idempotency-Key.");
        }
        return app;
    }

    public static async Task<IResult> SubmitJob(HttpContext http, SubmissionReader reader, JobPublisher publisher, IIdempotencyStore keys, IngestMetrics metrics, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reader);
        var (submission, rejection) = await reader.ReadEnvelopeAsync(http.Request, cancellationToken).ConfigureAwait(false);
        return await AcceptAsync(http, submission, rejection, publisher, keys, metrics, logs, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> SubmitAlias(IJobKind kind, HttpContext http, SubmissionReader reader, JobPublisher publisher, IIdempotencyStore keys, IngestMetrics metrics, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reader);
        var (submission, rejection) = await reader.ReadInputAsync(kind, http.Request, cancellationToken).ConfigureAwait(false);
        return await AcceptAsync(http, submission, rejection, publisher, keys, metrics, logs, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> SubmitBatch(HttpContext http, SubmissionReader reader, JobPublisher publisher, IngestMetrics metrics, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(publisher);
        var (submissions, rejection) = await reader.ReadBatchAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (submissions is null)
        {
            metrics.Rejected(null, rejection!.Reason);
            return Problem(rejection);
        }

        if (await RefusedAsync(http, metrics, cancellationToken).ConfigureAwait(false) is { } refused) return refused;

        var ids = submissions.Select(_ => publisher.NewJobId()).ToArray();
        var tenant = http.User.Tenant();
        var quota = http.RequestServices.GetRequiredService<TenantQuota>();
        if (await OverQuotaAsync(http, quota, tenant, ids, metrics, cancellationToken).ConfigureAwait(false) is { } over) return over;
        var publishes = submissions.Select((s, i) => publisher.PublishAsync(s, ids[i], tenant, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(publishes).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Some were confirmed, some not: say exactly which were accepted so the client resubmits only the rest.
            LogPublishFailed(logs.CreateLogger(typeof(JobsApi)), ex, "batch");
            await quota.ReleaseAsync(tenant, ids.Where((_, i) => !publishes[i].IsCompletedSuccessfully)).ConfigureAwait(false);
            var accepted = Enumerable.Range(0, publishes.Length).Where(i => publishes[i].IsCompletedSuccessfully)
                .Select(i => JobReceipt.Queued(ids[i], submissions[i].Kind.Name)).ToArray();
            return Unavailable(new Dictionary<string, object?> { ["accepted"] = accepted });
        }
        foreach (var s in submissions) metrics.Submitted(s.Kind.Name);
        return TypedResults.Accepted((string?)null, submissions.Select((s, i) => JobReceipt.Queued(ids[i], s.Kind.Name)).ToArray());
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, JobSubmission? submission, SubmissionRejection? rejection, JobPublisher publisher, IIdempotencyStore keys, IngestMetrics metrics, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (submission is null)
        {
            metrics.Rejected(null, rejection!.Reason);
            return Problem(rejection);
        }

        if (await RefusedAsync(http, metrics, cancellationToken).ConfigureAwait(false) is { } refused) return refused;

        var jobId = publisher.NewJobId();
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        var scope = IdempotencyScope.Of(http.User);
        if (key.Length > 0)
        {
            if (key.Length > MaxIdempotencyKeyLength)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyHeader] = [$"must be at most {MaxIdempotencyKeyLength} characters."] }, type: ProblemTypes.Validation);
            }
            var held = await keys.ReserveAsync(scope, key, $"{http.Request.Path}:{submission.Fingerprint}", jobId, submission.Kind.Name, cancellationToken).ConfigureAwait(false);
            if (!held.Reserved)
            {
                if (held.Fingerprint != $"{http.Request.Path}:{submission.Fingerprint}")
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "Idempotency-Key reused with a different request.",
                        detail: $"This key already created job {held.JobId} from another body; use a new key for a new job.",
                        extensions: new Dictionary<string, object?> { ["jobId"] = held.JobId });
                }
                // The same request again: the original receipt, nothing published.
                http.Response.Headers["Idempotent-Replayed"] = "true";
                var original = JobReceipt.Queued(held.JobId, held.Kind);
                return TypedResults.Accepted(original.Links.Self, original);
            }
        }

        var tenant = http.User.Tenant();
        var quota = http.RequestServices.GetRequiredService<TenantQuota>();
        if (await OverQuotaAsync(http, quota, tenant, [jobId], metrics, cancellationToken).ConfigureAwait(false) is { } over)
        {
            if (key.Length > 0) await keys.ReleaseAsync(scope, key, jobId, CancellationToken.None).ConfigureAwait(false);
            return over;
        }

        try
        {
            var message = await publisher.PublishAsync(submission, jobId, tenant, cancellationToken).ConfigureAwait(false);
            metrics.Submitted(message.Kind);
            var receipt = JobReceipt.Queued(message.JobId, message.Kind);
            return TypedResults.Accepted(receipt.Links.Self, receipt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The broker did not confirm: nothing was accepted, so free the key and let the client retry.
            if (key.Length > 0) await keys.ReleaseAsync(scope, key, jobId, CancellationToken.None).ConfigureAwait(false);
            await quota.ReleaseAsync(tenant, [jobId]).ConfigureAwait(false);
            LogPublishFailed(logs.CreateLogger(typeof(JobsApi)), ex, submission.Kind.Name);
            metrics.Rejected(submission.Kind.Name, "unavailable");
            return Unavailable(null);
        }
    }

    /// <summary>503 with Retry-After when the queue is deeper than the pipeline can work off (admission control), else null.</summary>
    private static async Task<IResult?> RefusedAsync(HttpContext http, IngestMetrics metrics, CancellationToken cancellationToken)
    {
        // Resolved here rather than injected so the public handler signatures stay as they are.
        var gate = http.RequestServices.GetRequiredService<AdmissionGate>();
        var decision = await gate.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (decision.Admitted) return null;
        metrics.Rejected(null, "overloaded");
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = ProblemTypes.Overloaded,
            Title = "Prism is not accepting jobs right now.",
            Detail = decision.Reason + " Nothing was queued; retry later.",
        };
        if (decision.QueueDepth is { } depth) problem.Extensions["queueDepth"] = depth;
        var seconds = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestOptions>>().Value.Admission.RetryAfterSeconds;
        return new RetryAfterResult(TypedResults.Problem(problem), seconds);
    }

    /// <summary>
    /// 429 with Retry-After when the jobs would take the tenant past <c>Ingest:MaxQueuedJobsPerTenant</c> unfinished
    /// jobs (503 when they cannot be counted), else null with their places held in the quota.
    /// </summary>
    private static async Task<IResult?> OverQuotaAsync(HttpContext http, TenantQuota quota, string? tenant, Guid[] jobIds, IngestMetrics metrics, CancellationToken cancellationToken)
    {
        var decision = await quota.ReserveAsync(tenant, jobIds, cancellationToken).ConfigureAwait(false);
        if (decision.Admitted) return null;
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestOptions>>().Value;
        if (decision.Unavailable)
        {
            metrics.Rejected(null, "unavailable");
            return Unavailable(null, "The tenant's unfinished jobs could not be counted, so nothing was accepted. Retry later.");
        }
        metrics.Rejected(null, "quota");
        var limit = options.MaxQueuedJobsPerTenant;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = ProblemTypes.QuotaExceeded,
            Title = "The tenant's quota of unfinished jobs is full.",
            Detail = $"Tenant '{tenant}' has {decision.Unfinished} unfinished (queued or running) jobs; Ingest:MaxQueuedJobsPerTenant allows {limit}, " +
                $"and this request adds {jobIds.Length}. Nothing was queued; retry once some have finished.",
        };
        problem.Extensions["limit"] = limit;
        problem.Extensions["unfinishedJobs"] = decision.Unfinished;
        problem.Extensions["requested"] = jobIds.Length;
        return new RetryAfterResult(TypedResults.Problem(problem), options.Admission.RetryAfterSeconds);
    }

    private static RetryAfterResult Unavailable(IDictionary<string, object?>? extensions, string detail = "The broker did not confirm the job, so it was not accepted. Retry later.")
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = ProblemTypes.Unavailable,
            Title = "The job queue is unavailable.",
            Detail = detail,
        };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
        return new RetryAfterResult(TypedResults.Problem(problem), seconds: 5);
    }

    private static IResult Problem(SubmissionRejection rejection)
    {
        if (rejection.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), type: rejection.Type, title: rejection.Title,
                detail: rejection.Detail ?? errors.ToString());
        }
        var problem = TypedResults.Problem(statusCode: rejection.Status, type: rejection.Type, title: rejection.Title, detail: rejection.Detail);
        return rejection.RetryAfterSeconds is { } seconds ? new RetryAfterResult(problem, seconds) : problem;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a {Kind} job failed; answered 503")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string kind);
}
