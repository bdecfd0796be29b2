namespace Prism.Results.Storage;

/// <summary>A page request: optional filters, a size, and the position after which to continue.</summary>
public sealed record JobQuery(string? Status, string? Kind, int Limit, JobCursor? After)
{
    /// <summary>Only this tenant's jobs; null means every tenant.</summary>
    public string? Tenant { get; init; }
}
