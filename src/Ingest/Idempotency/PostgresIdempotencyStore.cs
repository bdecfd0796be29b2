using Microsoft.Extensions.Options;
using Npgsql;

namespace Prism.Ingest.Idempotency;

/// <summary>
/// Keys in PostgreSQL (the results database), shared by every Ingest replica. The primary key makes
/// the reservation atomic: <c>INSERT … ON CONFLICT DO NOTHING</c>, then read who holds it. The primary key
/// is <c>(scope, key)</c>, so two tenants' equal keys are two rows.
/// </summary>
public sealed class PostgresIdempotencyStore(NpgsqlDataSource dataSource, IOptions<IngestOptions> options, TimeProvider clock) : IIdempotencyStore
{
    private const long SchemaLockKey = 0x5052_4953_4D02;

    /// <summary>
    /// Tables made before keys were scoped have <c>key</c> alone as their primary key. Their rows are migrated,
    /// not dropped, so a client retrying across the upgrade still gets its job: each row takes the tenant Results
    /// recorded for its job (<c>prism_jobs</c>, same database). A row whose job has no tenant, or is not recorded
    /// yet, stays <see cref="IdempotencyScope.Unscoped"/>, the scope of auth-off callers. Runs once, under the schema lock.
    /// </summary>
    private const string MigrateUnscopedSql = """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name = 'prism_idempotency' AND column_name = 'scope') THEN
            ALTER TABLE prism_idempotency ADD COLUMN scope text NOT NULL DEFAULT '';
            IF to_regclass('prism_jobs') IS NOT NULL THEN
              UPDATE prism_idempotency i SET scope = 'tenant:' || j.tenant_id FROM prism_jobs j WHERE j.job_id = i.job_id AND j.tenant_id IS NOT NULL;
            END IF;
            ALTER TABLE prism_idempotency DROP CONSTRAINT prism_idempotency_pkey;
            ALTER TABLE prism_idempotency ADD PRIMARY KEY (scope, key);
            ALTER TABLE prism_idempotency ALTER COLUMN scope DROP DEFAULT;
          END IF;
        END $$;
        """;

    private int _schemaReady;

    public async Task<IdempotencyRecord> ReserveAsync(string scope, string key, string fingerprint, Guid jobId, string kind, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var cutoff = now - (long)TimeSpan.FromHours(options.Value.IdempotencyHours).TotalMilliseconds;
        await using var command = dataSource.CreateCommand("""
            DELETE FROM prism_idempotency WHERE scope = @scope AND key = @key AND created_ms < @cutoff;
            INSERT INTO prism_idempotency (scope, key, fingerprint, job_id, kind, created_ms) VALUES (@scope, @key, @fingerprint, @job_id, @kind, @now)
            ON CONFLICT (scope, key) DO NOTHING;
            SELECT fingerprint, job_id, kind FROM prism_idempotency WHERE scope = @scope AND key = @key;
            """);
        command.Parameters.AddWithValue("scope", scope);
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

    public async Task ReleaseAsync(string scope, string key, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM prism_idempotency WHERE scope = @scope AND key = @key AND job_id = @job_id");
        command.Parameters.AddWithValue("scope", scope);
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
              scope text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, job_id uuid NOT NULL, kind text NOT NULL, created_ms bigint NOT NULL,
              PRIMARY KEY (scope, key));
            {MigrateUnscopedSql}
            """, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _schemaReady, 1);
    }
}
