namespace Prism.ServiceDefaults.Quotas;

/// <summary>A tenant's recorded unfinished jobs, and which of the ids asked about are recorded at all.</summary>
public sealed record TenantBacklog(long Unfinished, IReadOnlySet<Guid> Recorded);
