using Microsoft.Extensions.Options;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Results.Storage;

namespace Prism.Results.Processors;

/// <summary>
/// A domain's health from real data: <c>unavailable</c> when no live processor serves any of its
/// kinds; <c>degraded</c> when more than 10% of its jobs in the window failed; else <c>healthy</c>.
/// Latency percentiles are submitted → finished over the window.
/// </summary>
public sealed class DomainHealth(ProcessorRegistry processors, IResultStore store, IOptions<ResultsOptions> options, TimeProvider clock)
{
    public const double DegradedFailureRatio = 0.10;

    public async Task<DomainHealthView?> GetAsync(string domain, CancellationToken cancellationToken)
    {
        if (!JobKinds.ByDomain.TryGetValue(domain, out var kinds)) return null;
        var window = options.Value.HealthWindowMinutes;
        var serving = processors.Live().Count(p => p.Kinds.Any(kinds.Contains));
        var recent = (await store.FinishedSinceAsync(clock.GetUtcNow().AddMinutes(-window), cancellationToken).ConfigureAwait(false))
            .Where(j => kinds.Contains(j.Kind)).ToList();
        var failed = recent.Count(j => j.Status == JobStatus.Failed);
        var latencies = recent.Where(j => j.Status == JobStatus.Succeeded).Select(j => j.TotalMs).Order().ToArray();

        var (status, reason) = serving == 0
            ? ("unavailable", $"No live processor serves {string.Join(", ", kinds)}.")
            : recent.Count > 0 && failed > DegradedFailureRatio * recent.Count
                ? ("degraded", $"{failed} of {recent.Count} jobs failed in the last {window} minutes.")
                : ("healthy", (string?)null);

        return new DomainHealthView
        {
            Domain = domain, Status = status, Reason = reason, Kinds = kinds, Processors = serving, WindowMinutes = window,
            Jobs = recent.Count, Failed = failed, P50Ms = Percentile(latencies, 0.50), P95Ms = Percentile(latencies, 0.95),
        };
    }

    private static double? Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 3);
}
