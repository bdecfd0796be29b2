using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Prism.Results.Storage;

/// <summary>
/// The embedded store of Standalone: one SQLite file in WAL mode. Writes are serialised in-process
/// (SQLite has one writer at a time; queueing here beats "database is locked" retries).
/// </summary>
public sealed class SqliteResultStore : SqlResultStore, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteResultStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        Location = Path.GetFullPath(builder.DataSource);
        _connectionString = builder.ToString();
    }

    public override string Provider => "sqlite";
    public override string Location { get; }

    protected override string SchemaSql => $"""
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS {Table} (
          job_id TEXT NOT NULL PRIMARY KEY,
          kind TEXT NOT NULL,
          tenant_id TEXT NULL,
          status TEXT NOT NULL,
          status_rank INTEGER NOT NULL,
          submitted_us INTEGER NOT NULL,
          started_us INTEGER NULL,
          completed_us INTEGER NULL,
          attempts INTEGER NOT NULL,
          processor_id TEXT NULL,
          engine TEXT NULL,
          device_name TEXT NULL,
          compute_ms REAL NULL,
          result TEXT NULL,
          error_code TEXT NULL,
          error_message TEXT NULL,
          updated_us INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_{Table}_submitted ON {Table} (submitted_us DESC, job_id DESC);
        CREATE INDEX IF NOT EXISTS ix_{Table}_status ON {Table} (status, submitted_us DESC);
        CREATE INDEX IF NOT EXISTS ix_{Table}_kind ON {Table} (kind, submitted_us DESC);
        CREATE INDEX IF NOT EXISTS ix_{Table}_tenant ON {Table} (tenant_id, submitted_us DESC);
        CREATE INDEX IF NOT EXISTS ix_{Table}_completed ON {Table} (completed_us);
        CREATE INDEX IF NOT EXISTS ix_{Table}_unfinished ON {Table} (tenant_id) WHERE status_rank < 3;
        CREATE TABLE IF NOT EXISTS {EventsTable} (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          job_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          tenant_id TEXT NULL,
          type TEXT NOT NULL,
          status TEXT NOT NULL,
          at_us INTEGER NOT NULL,
          error_code TEXT NULL,
          error_message TEXT NULL);
        CREATE INDEX IF NOT EXISTS ix_{EventsTable}_job ON {EventsTable} (job_id, seq);
        """;

    protected override string JsonIdsSql => "SELECT value FROM json_each(@ids)";

    protected override string JobIdText => "job_id";

    // Writers are serialised by the in-process gate.
    protected override string? WriteLockSql => null;

    protected override object JobIdValue(Guid jobId) => jobId.ToString("D");

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;", cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async Task<IReadOnlyList<IReadOnlyList<Contracts.Api.JobEvent>>> ApplyManyAsync(IReadOnlyList<JobRecordUpdate> updates, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.ApplyManyAsync(updates, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose() => _writeGate.Dispose();
}
