using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Prism.Results.Storage;

/// <summary>Ready only while the store answers.</summary>
public sealed class ResultStoreHealthCheck(IResultStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await store.PingAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{store.Provider} at {store.Location}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy($"{store.Provider} at {store.Location} is unreachable: {ex.Message}");
        }
    }
}
