using Prism.Contracts;
using Prism.Contracts.Validation;
using Prism.Results.Storage;

namespace Prism.Results.Processors;

/// <summary>
/// Every domain's job figures over the health window, for all tenants and for each tenant, from one read
/// of the window's finished jobs: what a health call looks up instead of reading the jobs itself.
/// </summary>
public sealed class DomainHealthSnapshot
{
    private readonly Dictionary<string, DomainFigures> _all;
    private readonly Dictionary<(string Tenant, string Domain), DomainFigures> _byTenant;

    private DomainHealthSnapshot(DateTimeOffset takenAt, Dictionary<string, DomainFigures> all, Dictionary<(string, string), DomainFigures> byTenant)
    {
        TakenAt = takenAt;
        _all = all;
        _byTenant = byTenant;
    }

    /// <summary>When the jobs were read (the window ends here).</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>The figures of <paramref name="jobs"/> by domain; a job of a kind not in <paramref name="catalog"/> counts nowhere.</summary>
    public static DomainHealthSnapshot Of(DateTimeOffset takenAt, IEnumerable<FinishedJob> jobs, JobKindCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(catalog);
        var known = jobs.Where(j => catalog.Contains(j.Kind)).ToList();
        var all = known.GroupBy(j => JobKinds.DomainOf(j.Kind), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, DomainFigures.Of, StringComparer.Ordinal);
        // Jobs without a tenant (auth off, or an admin of no tenant) count only in the all-tenant figures.
        var byTenant = known.Where(j => j.TenantId is not null).GroupBy(j => (Tenant: j.TenantId!, Domain: JobKinds.DomainOf(j.Kind)))
            .ToDictionary(g => g.Key, DomainFigures.Of);
        return new DomainHealthSnapshot(takenAt, all, byTenant);
    }

    /// <summary>The figures of <paramref name="domain"/> a caller of <paramref name="tenantScope"/> may see (null = every tenant).</summary>
    public DomainFigures For(string domain, string? tenantScope) =>
        (tenantScope is null ? _all.GetValueOrDefault(domain) : _byTenant.GetValueOrDefault((tenantScope, domain))) ?? DomainFigures.None;
}

/// <summary>One domain's finished jobs in the window, its failures, and its submitted → finished percentiles.</summary>
public sealed record DomainFigures(int Jobs, int Failed, double? P50Ms, double? P95Ms)
{
    public static DomainFigures None { get; } = new(0, 0, null, null);

    public static DomainFigures Of(IEnumerable<FinishedJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var list = jobs as IReadOnlyCollection<FinishedJob> ?? [.. jobs];
        var latencies = list.Where(j => j.Status == JobStatus.Succeeded).Select(j => j.TotalMs).Order().ToArray();
        return new DomainFigures(list.Count, list.Count(j => j.Status == JobStatus.Failed), Percentile(latencies, 0.50), Percentile(latencies, 0.95));
    }

    private static double? Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 3);
}
