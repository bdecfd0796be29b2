using Microsoft.Extensions.Options;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;
using Prism.Results.Storage;

namespace Prism.Results.Processors;

/// <summary>
/// A domain's health from real data: <c>unavailable</c> when no live processor serves any of its
/// kinds; <c>degraded</c> when more than 10% of its jobs in the window failed; else <c>healthy</c>.
/// Latency percentiles are submitted → finished over the window. A tenant's caller gets its own
/// tenant's figures; an admin, every tenant's.
/// </summary>
/// <remarks>
/// Any read key may call this 100 times a second, so a call must not read the window's jobs: they are
/// read at most once every <see cref="CacheFor"/> per replica, whoever asks, into a
/// <see cref="DomainHealthSnapshot"/> that each call looks up. Live processors are always current.
/// </remarks>
public sealed class DomainHealth(JobKindCatalog catalog, ProcessorRegistry processors, IResultStore store, IOptions<ResultsOptions> options, TimeProvider clock) : IDisposable
{
    public const double DegradedFailureRatio = 0.10;

    /// <summary>How old the job figures may be.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private DomainHealthSnapshot? _snapshot;

    public async Task<DomainHealthView?> GetAsync(string domain, string? tenantScope, CancellationToken cancellationToken)
    {
        if (!catalog.ByDomain.TryGetValue(domain, out var kinds)) return null;
        var window = options.Value.HealthWindowMinutes;
        var serving = processors.Live().Count(p => p.Kinds.Any(kinds.Contains));
        var figures = (await CurrentAsync(cancellationToken).ConfigureAwait(false)).For(domain, tenantScope);

        var (status, reason) = serving == 0
            ? ("unavailable", $"No live processor serves {string.Join(", ", kinds)}.")
            : figures.Jobs > 0 && figures.Failed > DegradedFailureRatio * figures.Jobs
                ? ("degraded", $"{figures.Failed} of {figures.Jobs} jobs failed in the last {window} minutes.")
                : ("healthy", (string?)null);

        return new DomainHealthView
        {
            Domain = domain, Status = status, Reason = reason, Kinds = kinds, Processors = serving, WindowMinutes = window,
            Jobs = figures.Jobs, Failed = figures.Failed, P50Ms = figures.P50Ms, P95Ms = figures.P95Ms,
        };
    }

    private async Task<DomainHealthSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _snapshot) is { } fresh && clock.GetUtcNow() - fresh.TakenAt < CacheFor) return fresh;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Callers that waited here take the snapshot the first one read.
            var now = clock.GetUtcNow();
            if (_snapshot is { } taken && now - taken.TakenAt < CacheFor) return taken;
            var jobs = await store.FinishedSinceAsync(now.AddMinutes(-options.Value.HealthWindowMinutes), cancellationToken).ConfigureAwait(false);
            var snapshot = DomainHealthSnapshot.Of(now, jobs, catalog);
            Volatile.Write(ref _snapshot, snapshot);
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
