using Microsoft.Extensions.Options;
using Npgsql;

namespace Prism.Ingest.Idempotency;

/// <summary>
/// Keys in PostgreSQL (the results database), shared by every Ingest replica. The primary key makes
/// the reservation atomic: <c>INSERT … ON CONFLICT DO NOTHING</c>, then read who holds it.
/// </summary>
public sealed class PostgresIdempotencyStore(NpgsqlDataSource dataSource, IOptions<IngestOptions> options, TimeProvider clock) : IIdempotencyStore
{
    private const long SchemaLockKey = 0x5052_4953_4D02;
    private int _schemaReady;

    public async Task<IdempotencyRecord> ReserveAsync(string key, string fingerprint, Guid jobId, string kind, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var cutoff = now - (long)TimeSpan.FromHours(options.Value.IdempotencyHours).TotalMilliseconds;
        await using var command = dataSource.CreateCommand("""
            DELETE FROM prism_idempotency WHERE key = @key AND created_ms < @cutoff;
            INSERT INTO prism_idempotency (key, fingerprint, job_id, kind, created_ms) VALUES (@key, @fingerprint, @job_id, @kind, @now)
            ON CONFLICT (key) DO NOTHING;
            SELECT fingerprint, job_id, kind FROM prism_idempotency WHERE key = @key;
            """);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("fingerprint", fingerprint);
        command.Parameters.AddWithValue("job_id", jobId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("cutoff", cutoff);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var heldJob = reader.GetGuid(1);
        return new IdempotencyRecord(reader.GetString(0), heldJob, reader.GetString(2), Reserved: heldJob == jobId);
    }

    public async Task ReleaseAsync(string key, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM prism_idempotency WHERE key = @key AND job_id = @job_id");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("job_id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _schemaReady) == 1) return;
        // IF NOT EXISTS does not stop two replicas racing to create the table (duplicate table/type errors):
        // a transaction-scoped advisory lock makes them take turns.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({SchemaLockKey});
            CREATE TABLE IF NOT EXISTS prism_idempotency (
              key text PRIMARY KEY, fingerprint text NOT NULL, job_id uuid NOT NULL, kind text NOT NULL, created_ms bigint NOT NULL)
            """, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _schemaReady, 1);
    }
}
