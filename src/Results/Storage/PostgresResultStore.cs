using System.Data.Common;
using Npgsql;

namespace Prism.Results.Storage;

/// <summary>The distributed store: PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresResultStore(NpgsqlDataSource dataSource) : SqlResultStore, IAsyncDisposable
{
    // Any fixed number; it keys the advisory lock that lets replicas start together.
    private const long SchemaLockKey = 0x5052_4953_4D00;
    private const long WriteLockKey = 0x5052_4953_4D01;

    public override string Provider => "postgresql";

    public override string Location
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
    }

    protected override string SchemaSql => $"""
        SELECT pg_advisory_xact_lock({SchemaLockKey});
        CREATE TABLE IF NOT EXISTS {Table} (
          job_id uuid NOT NULL PRIMARY KEY,
          kind text NOT NULL,
          tenant_id text NULL,
          status text NOT NULL,
          status_rank integer NOT NULL,
          submitted_us bigint NOT NULL,
          started_us bigint NULL,
          completed_us bigint NULL,
          attempts integer NOT NULL,
          processor_id text NULL,
          engine text NULL,
          device_name text NULL,
          compute_ms double precision NULL,
          result text NULL,
          error_code text NULL,
          error_message text NULL,
          updated_us bigint NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_{Table}_submitted ON {Table} (submitted_us DESC, job_id DESC);
        CREATE INDEX IF NOT EXISTS ix_{Table}_status ON {Table} (status, submitted_us DESC);
        CREATE INDEX IF NOT EXISTS ix_{Table}_kind ON {Table} (kind, submitted_us DESC);
        CREATE INDEX IF NOT EXISTS ix_{Table}_tenant ON {Table} (tenant_id, submitted_us DESC);
        CREATE INDEX IF NOT EXISTS ix_{Table}_completed ON {Table} (completed_us);
        CREATE INDEX IF NOT EXISTS ix_{Table}_unfinished ON {Table} (tenant_id) WHERE status_rank < 3;
        CREATE TABLE IF NOT EXISTS {EventsTable} (
          seq bigserial PRIMARY KEY,
          job_id text NOT NULL,
          kind text NOT NULL,
          tenant_id text NULL,
          type text NOT NULL,
          status text NOT NULL,
          at_us bigint NOT NULL,
          error_code text NULL,
          error_message text NULL);
        CREATE INDEX IF NOT EXISTS ix_{EventsTable}_job ON {EventsTable} (job_id, seq);
        """;

    protected override string JsonIdsSql => "SELECT CAST(jsonb_array_elements_text(CAST(@ids AS jsonb)) AS uuid)";

    protected override string JobIdText => "job_id::text";

    // Every replica writes: one transaction-scoped lock orders their commits, so event ids never commit out of order.
    protected override string? WriteLockSql => $"SELECT pg_advisory_xact_lock({WriteLockKey})";

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // The advisory lock is transaction-scoped: run the DDL in one transaction.
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.Transaction = transaction;
                    command.CommandText = SchemaSql;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override object JobIdValue(Guid jobId) => jobId;

    protected override bool UpsertReportsStatusChange => true;

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
