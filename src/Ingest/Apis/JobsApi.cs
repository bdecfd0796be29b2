using Microsoft.AspNetCore.Mvc;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;
using Prism.Ingest.Submission;
using Prism.ServiceDefaults.Http;

namespace Prism.Ingest.Apis;

/// <summary><c>POST /api/v1/jobs</c> and one alias per kind (<c>POST /api/v1/pixels/entropy</c>, …) whose body is the input itself.</summary>
public static partial class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Jobs");
        api.MapPost("/jobs", SubmitJob).WithName("SubmitJob")
            .WithSummary("Validates a job and queues it; 202 with the receipt and the result's Location.");

        foreach (var kind in JobKindCatalog.All)
        {
            api.MapPost("/" + kind.Name.Replace('.', '/'), (HttpContext http, SubmissionReader reader, JobPublisher publisher, IngestMetrics metrics, ILoggerFactory logs, CancellationToken ct) =>
                    SubmitAlias(kind, http, reader, publisher, metrics, logs, ct))
                .WithName("Submit_" + kind.Name.Replace('.', '_').Replace('-', '_'))
                .WithSummary($"Queues a {kind.Name} job; the body is its input.");
        }
        return app;
    }

    public static async Task<IResult> SubmitJob(HttpContext http, SubmissionReader reader, JobPublisher publisher, IngestMetrics metrics, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reader);
        var (submission, rejection) = await reader.ReadEnvelopeAsync(http.Request, cancellationToken).ConfigureAwait(false);
        return await AcceptAsync(submission, rejection, publisher, metrics, logs, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> SubmitAlias(IJobKind kind, HttpContext http, SubmissionReader reader, JobPublisher publisher, IngestMetrics metrics, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reader);
        var (submission, rejection) = await reader.ReadInputAsync(kind, http.Request, cancellationToken).ConfigureAwait(false);
        return await AcceptAsync(submission, rejection, publisher, metrics, logs, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> AcceptAsync(JobSubmission? submission, SubmissionRejection? rejection, JobPublisher publisher, IngestMetrics metrics, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (submission is null)
        {
            metrics.Rejected(null, rejection!.Reason);
            return Problem(rejection);
        }

        try
        {
            var message = await publisher.PublishAsync(submission, tenantId: null, cancellationToken).ConfigureAwait(false);
            metrics.Submitted(message.Kind);
            var receipt = JobReceipt.Queued(message.JobId, message.Kind);
            return TypedResults.Accepted(receipt.Links.Self, receipt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The broker did not confirm: nothing was accepted, so say so and let the client retry.
            LogPublishFailed(logs.CreateLogger(typeof(JobsApi)), ex, submission.Kind.Name);
            metrics.Rejected(submission.Kind.Name, "unavailable");
            return new RetryAfterResult(TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.Unavailable,
                Title = "The job queue is unavailable.",
                Detail = "The job was not accepted because the broker did not confirm it. Retry later.",
            }), seconds: 5);
        }
    }

    private static IResult Problem(SubmissionRejection rejection)
    {
        if (rejection.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), type: rejection.Type, title: rejection.Title,
                detail: rejection.Detail ?? errors.ToString());
        }
        return TypedResults.Problem(statusCode: rejection.Status, type: rejection.Type, title: rejection.Title, detail: rejection.Detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a {Kind} job failed; answered 503")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string kind);
}
