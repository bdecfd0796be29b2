namespace Prism.Ingest.Idempotency;

/// <summary>The job a key belongs to. <see cref="Reserved"/> is true when this call reserved it.</summary>
public sealed record IdempotencyRecord(string Fingerprint, Guid JobId, string Kind, bool Reserved);
