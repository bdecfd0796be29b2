using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Prism.ServiceDefaults.Messaging;

/// <summary>
/// Ready only while every receive endpoint consumes. MassTransit's own bus check calls a bus with a stopped or
/// faulted endpoint Degraded, which ASP.NET Core health checks answer with 200: a Results whose queue had
/// stopped consumed nothing and stayed ready, so no orchestrator restarted or unrouted it. This check is
/// Unhealthy then, and names the endpoints that are not consuming.
/// </summary>
public sealed class ReceiveEndpointsHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoints = bus.CheckHealth().Endpoints;
        var notConsuming = endpoints
            .Where(e => e.Value.Status != BusHealthStatus.Healthy)
            .Select(e => $"{QueueName(e.Key)} ({e.Value.Status.ToString().ToLowerInvariant()})")
            .Order(StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult(notConsuming.Length == 0
            ? HealthCheckResult.Healthy($"{endpoints.Count} receive endpoints consuming")
            : HealthCheckResult.Unhealthy($"Not consuming: {string.Join(", ", notConsuming)}"));
    }

    /// <summary>The queue of an endpoint address (<c>rabbitmq://host/vhost/prism-results?temporary=true</c> → <c>prism-results</c>).</summary>
    private static string QueueName(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Segments[^1] : address;
}
