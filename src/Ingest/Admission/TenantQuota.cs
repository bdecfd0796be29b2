using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Prism.ServiceDefaults.Quotas;

namespace Prism.Ingest.Admission;

/// <summary>
/// The per-tenant quota on unfinished jobs (<c>Ingest:MaxQueuedJobsPerTenant</c>). A tenant's count is its
/// queued and running jobs as Results recorded them, plus the jobs this Ingest published that Results has not
/// recorded yet (their submitted event is still on the way): those are held in a ledger until Results has them.
/// One tenant's checks take turns, so two concurrent requests of one tenant cannot both take the last place.
/// </summary>
public sealed partial class TenantQuota(IOptions<IngestOptions> options, TimeProvider clock, IServiceProvider services, ILogger<TenantQuota> logger)
{
    /// <summary>
    /// How long a published job counts while Results has not recorded it. Long past any normal delay, so a slow
    /// Results makes the quota stricter, not looser; it only bounds the ledger when Results never records a job.
    /// </summary>
    public static readonly TimeSpan UnrecordedFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Ledger> _ledgers = new(StringComparer.Ordinal);
    private int _warned;

    /// <summary>Counts the tenant's unfinished jobs and, when <paramref name="jobIds"/> fit, holds their places.</summary>
    public async Task<QuotaDecision> ReserveAsync(string? tenantId, IReadOnlyCollection<Guid> jobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var limit = options.Value.MaxQueuedJobsPerTenant;
        if (limit <= 0 || tenantId is null) return QuotaDecision.Admit;
        // Resolved on use: in Standalone, Results registers the reader after Ingest.
        var backlog = services.GetService<ITenantBacklog>();
        if (backlog is null)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0) LogNoBacklog(logger);
            return QuotaDecision.Admit;
        }

        var ledger = _ledgers.GetOrAdd(tenantId, _ => new Ledger());
        await ledger.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            foreach (var (id, at) in ledger.Published.ToArray())
            {
                if (now - at > UnrecordedFor) ledger.Published.Remove(id);
            }
            TenantBacklog recorded;
            try
            {
                recorded = await backlog.ReadAsync(tenantId, ledger.Published.Keys, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogCountFailed(logger, ex);
                return new QuotaDecision(false, Unavailable: true);
            }
            foreach (var id in recorded.Recorded) ledger.Published.Remove(id);
            var unfinished = recorded.Unfinished + ledger.Published.Count;
            if (unfinished + jobIds.Count > limit) return new QuotaDecision(false, unfinished);
            foreach (var id in jobIds) ledger.Published[id] = now;
            return QuotaDecision.Admit;
        }
        finally
        {
            ledger.Turn.Release();
        }
    }

    /// <summary>Gives back the places of jobs that were not published after all.</summary>
    public async Task ReleaseAsync(string? tenantId, IEnumerable<Guid> jobIds)
    {
        if (tenantId is null || !_ledgers.TryGetValue(tenantId, out var ledger)) return;
        await ledger.Turn.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var id in jobIds) ledger.Published.Remove(id);
        }
        finally
        {
            ledger.Turn.Release();
        }
    }

    // The semaphore lives as long as the process, like the tenant (tenants are the configured keys').
#pragma warning disable CA2213
    private sealed class Ledger
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public Dictionary<Guid, DateTimeOffset> Published { get; } = [];
    }
#pragma warning restore CA2213

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest:MaxQueuedJobsPerTenant is set but no results database is shared with Ingest (ConnectionStrings:results on PostgreSQL); the per-tenant quota is off")]
    private static partial void LogNoBacklog(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting a tenant's unfinished jobs failed; refusing its submissions until it succeeds")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
