using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Prism.Results.Streaming;

/// <summary>
/// Ready only while this replica's fan-out queue is bound and consumed. Until then a live stream
/// opened here would hear nothing, and the bus check alone does not say so: MassTransit reports an
/// endpoint that is still starting as degraded, which readiness counts as up.
/// </summary>
public sealed class FanOutReadiness : IReceiveEndpointObserver, IHealthCheck
{
    private volatile bool _ready;

    public Task Ready(ReceiveEndpointReady ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        if (IsFanOut(ready.InputAddress)) _ready = true;
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping)
    {
        ArgumentNullException.ThrowIfNull(stopping);
        if (IsFanOut(stopping.InputAddress)) _ready = false;
        return Task.CompletedTask;
    }

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        ArgumentNullException.ThrowIfNull(faulted);
        if (IsFanOut(faulted.InputAddress)) _ready = false;
        return Task.CompletedTask;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready
            ? HealthCheckResult.Healthy("Live events reach this replica.")
            : HealthCheckResult.Unhealthy("The live event queue of this replica is not consuming yet."));

    private static bool IsFanOut(Uri address) =>
        address.AbsolutePath.Split('/')[^1].StartsWith(JobEventFanOutConsumerDefinition.QueuePrefix, StringComparison.Ordinal);
}
