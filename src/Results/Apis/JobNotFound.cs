using Microsoft.AspNetCore.Http.HttpResults;
using Prism.ServiceDefaults.Http;

namespace Prism.Results.Apis;

/// <summary>
/// The 404 for a job id: the same answer for a job never recorded and for another tenant's job, so
/// other tenants' ids stay secret.
/// </summary>
internal static class JobNotFound
{
    public static ProblemHttpResult Problem(Guid jobId, string? hint = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such job.",
            detail: hint is null ? $"No job {jobId} has been recorded." : $"No job {jobId} has been recorded. {hint}");
}
