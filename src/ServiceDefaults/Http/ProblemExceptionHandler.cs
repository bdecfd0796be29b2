using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Prism.ServiceDefaults.Http;

/// <summary>
/// The one place an unhandled exception becomes a response: request-shape errors keep their 4xx,
/// everything else is a 500 problem that leaks no internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        if (status >= 500) LogUnhandled(logger, exception, httpContext.Request.Path);

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = status switch
            {
                >= 500 => new ProblemDetails { Status = status, Type = ProblemTypes.Internal, Title = "An unexpected error occurred." },
                // Kestrel's body limit (set from Ingest:MaxBodyBytes) answers a chunked body as it crosses the limit: the
                // same problem as the one Ingest gives by Content-Length.
                StatusCodes.Status413PayloadTooLarge => new ProblemDetails
                {
                    Status = status, Type = ProblemTypes.PayloadTooLarge, Title = "Request body too large.",
                    Detail = $"The body may be at most {httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes.",
                },
                _ => new ProblemDetails { Status = status, Type = ProblemTypes.BadRequest, Title = "The request could not be read.", Detail = exception.Message },
            },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
