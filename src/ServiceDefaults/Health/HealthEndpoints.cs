using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Prism.ServiceDefaults.Health;

/// <summary>The three health routes every process serves, with a JSON body naming each check.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapPrismHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", Options(_ => true)).DisableRateLimiting();
        app.MapHealthChecks("/health/live", Options(c => c.Tags.Contains(HealthTags.Live))).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", Options(c => c.Tags.Contains(HealthTags.Ready))).DisableRateLimiting();
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteJson,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 2),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString().ToLowerInvariant(),
                // Never the exception's message: health needs no key, and messages name files, hosts and types.
                description = e.Value.Description ?? (e.Value.Exception is null ? null : "The check failed; see the log."),
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
