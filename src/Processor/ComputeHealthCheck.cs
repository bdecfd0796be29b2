using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prism.Compute;

namespace Prism.Processor;

/// <summary>Ready when the compute device is initialised; reports which engine and device run.</summary>
public sealed class ComputeHealthCheck(ComputeDevice device, KindHandlerRegistry handlers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"{device.Engine} on {device.DeviceName}", new Dictionary<string, object>
        {
            ["engine"] = device.Engine,
            ["device"] = device.DeviceName,
            ["memoryBytes"] = device.MemoryBytes,
            ["kinds"] = handlers.Kinds,
        }));
}
