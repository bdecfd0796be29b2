namespace Prism.Results.Storage;

/// <summary>A finished job's kind, final status, submitted → finished time, and tenant (null: none).</summary>
public sealed record FinishedJob(string Kind, string Status, double TotalMs, string? TenantId = null);
