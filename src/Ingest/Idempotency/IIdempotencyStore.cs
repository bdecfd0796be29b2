namespace Prism.Ingest.Idempotency;

/// <summary>
/// Remembers which job an <c>Idempotency-Key</c> created, with the fingerprint of the body that created
/// it. Reserving is atomic: two requests racing with the same key get one job between them. A key is held
/// within a <see cref="IdempotencyScope"/> (the caller's tenant, or its API key when it has none).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Reserves <paramref name="key"/> of <paramref name="scope"/> for <paramref name="jobId"/>, or returns what holds it already.</summary>
    Task<IdempotencyRecord> ReserveAsync(string scope, string key, string fingerprint, Guid jobId, string kind, CancellationToken cancellationToken);

    /// <summary>Frees a key whose job could not be published, so the client's retry can succeed.</summary>
    Task ReleaseAsync(string scope, string key, Guid jobId, CancellationToken cancellationToken);
}
