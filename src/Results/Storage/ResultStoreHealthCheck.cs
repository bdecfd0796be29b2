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
            // /health needs no key, so it names the provider only: the store's location (an absolute path for SQLite,
            // host and database for PostgreSQL) is in the start-up log, for operators.
            return HealthCheckResult.Healthy($"{store.Provider} answers.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The exception (whose message may name the file or host) goes to the health check log, not the body.
            return HealthCheckResult.Unhealthy($"{store.Provider} is unreachable.", ex);
        }
    }
}
