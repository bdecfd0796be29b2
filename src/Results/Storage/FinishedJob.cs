namespace Prism.Results.Storage;

/// <summary>A finished job's kind, final status and submitted → finished time.</summary>
public sealed record FinishedJob(string Kind, string Status, double TotalMs);
