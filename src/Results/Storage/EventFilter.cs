namespace Prism.Results.Storage;

/// <summary>Which stream events a subscriber wants: one job, one kind, or everything (null = any).</summary>
public sealed record EventFilter(Guid? JobId, string? Kind)
{
    public static EventFilter All { get; } = new(null, null);

    /// <summary>Only this tenant's events; null means every tenant.</summary>
    public string? Tenant { get; init; }

    public bool Matches(Contracts.Api.JobEvent e) =>
        e is not null && (JobId is null || e.JobId == JobId) && (Kind is null || e.Kind == Kind)
        && (Tenant is null || string.Equals(e.TenantId, Tenant, StringComparison.Ordinal));
}
