namespace Prism.ServiceDefaults.Quotas;

/// <summary>
/// Reads a tenant's unfinished jobs from Results' record, for Ingest's per-tenant quota. Results implements it
/// in process (Standalone); a separate Ingest reads the PostgreSQL database it shares with Results.
/// </summary>
public interface ITenantBacklog
{
    /// <summary>
    /// The tenant's queued and running jobs as recorded, and which of <paramref name="published"/> (jobs just
    /// published, whose submitted event may still be on its way) are recorded already, in any state.
    /// </summary>
    Task<TenantBacklog> ReadAsync(string tenantId, IReadOnlyCollection<Guid> published, CancellationToken cancellationToken);
}
