namespace Prism.Cli.Batch;

/// <summary>A job of the batch that did not succeed.</summary>
public sealed record BatchFailure(int Line, Guid JobId, string Kind, string Status, string? ErrorCode, string? ErrorMessage);
