using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.ServiceDefaults.Quotas;

namespace Prism.Results.Storage;

/// <summary>
/// The store's SQL, shared by SQLite and PostgreSQL: both speak <c>INSERT … ON CONFLICT DO UPDATE</c>,
/// so the forward-only merge is one statement and a race between two events for the same job is
/// settled by the database, not by the caller. Times are stored as Unix microseconds.
/// </summary>
public abstract class SqlResultStore : IResultStore, ITenantBacklog
{
    protected const string Table = "prism_jobs";
    protected const string EventsTable = "prism_job_events";

    private const string Columns =
        "job_id, kind, tenant_id, status, status_rank, submitted_us, started_us, completed_us, attempts, " +
        "processor_id, engine, device_name, compute_ms, result, error_code, error_message, updated_us";

    // A terminal row keeps its outcome; a non-terminal one takes the event's facts where it has them.
    private static readonly string UpsertSql = $"""
        INSERT INTO {Table} ({Columns})
        VALUES (@job_id, @kind, @tenant_id, @status, @status_rank, @submitted_us, @started_us, @completed_us, @attempts,
                @processor_id, @engine, @device_name, @compute_ms, @result, @error_code, @error_message, @updated_us)
        ON CONFLICT (job_id) DO UPDATE SET
          status = CASE WHEN excluded.status_rank > {Table}.status_rank THEN excluded.status ELSE {Table}.status END,
          status_rank = CASE WHEN excluded.status_rank > {Table}.status_rank THEN excluded.status_rank ELSE {Table}.status_rank END,
          tenant_id = COALESCE({Table}.tenant_id, excluded.tenant_id),
          started_us = COALESCE({Table}.started_us, excluded.started_us),
          attempts = CASE WHEN excluded.attempts > {Table}.attempts THEN excluded.attempts ELSE {Table}.attempts END,
          processor_id = CASE WHEN {Table}.status_rank < 3 THEN COALESCE(excluded.processor_id, {Table}.processor_id) ELSE {Table}.processor_id END,
          engine = CASE WHEN {Table}.status_rank < 3 THEN COALESCE(excluded.engine, {Table}.engine) ELSE {Table}.engine END,
          device_name = CASE WHEN {Table}.status_rank < 3 THEN COALESCE(excluded.device_name, {Table}.device_name) ELSE {Table}.device_name END,
          completed_us = CASE WHEN {Table}.status_rank < 3 THEN excluded.completed_us ELSE {Table}.completed_us END,
          compute_ms = CASE WHEN {Table}.status_rank < 3 THEN excluded.compute_ms ELSE {Table}.compute_ms END,
          result = CASE WHEN {Table}.status_rank < 3 THEN excluded.result ELSE {Table}.result END,
          error_code = CASE WHEN {Table}.status_rank < 3 THEN excluded.error_code ELSE {Table}.error_code END,
          error_message = CASE WHEN {Table}.status_rank < 3 THEN excluded.error_message ELSE {Table}.error_message END,
          updated_us = excluded.updated_us
        """;

    public abstract string Provider { get; }
    public abstract string Location { get; }

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The DDL of the jobs table and its indexes, in the provider's types.</summary>
    protected abstract string SchemaSql { get; }

    /// <summary>How the provider binds a job id (PostgreSQL: uuid; SQLite: text).</summary>
    protected abstract object JobIdValue(Guid jobId);

    /// <summary>The job id column as text, to compare with the events table's text ids.</summary>
    protected abstract string JobIdText { get; }

    /// <summary>A query yielding the job ids of the JSON array of strings bound to <c>@ids</c>, one row each, typed like the key.</summary>
    protected abstract string JsonIdsSql { get; }

    /// <summary>Taken first in every write transaction, where the provider needs it to serialise writers.</summary>
    protected abstract string? WriteLockSql { get; }

    public virtual async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, SchemaSql, cancellationToken).ConfigureAwait(false);
        }
    }

    public virtual async Task<IReadOnlyList<JobEvent>> ApplyAsync(JobRecordUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return (await ApplyManyAsync([update], cancellationToken).ConfigureAwait(false))[0];
    }

    public virtual async Task<IReadOnlyList<IReadOnlyList<JobEvent>>> ApplyManyAsync(IReadOnlyList<JobRecordUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // One writer at a time: event ids are then assigned in commit order, so a reader that
                // resumes after id N can never miss an event committed later with a smaller id.
                if (WriteLockSql is { } writeLock) await ExecuteAsync(connection, transaction, writeLock, cancellationToken).ConfigureAwait(false);

                // In order, in one transaction: a later update of the same job sees the earlier one's row.
                var recorded = new List<IReadOnlyList<JobEvent>>(updates.Count);
                foreach (var update in updates)
                {
                    recorded.Add(await ApplyInTransactionAsync(connection, transaction, update, cancellationToken).ConfigureAwait(false));
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return recorded;
            }
        }
    }

    private async Task<IReadOnlyList<JobEvent>> ApplyInTransactionAsync(DbConnection connection, DbTransaction transaction, JobRecordUpdate update, CancellationToken cancellationToken)
    {
        var (before, after) = await UpsertAsync(connection, transaction, update, cancellationToken).ConfigureAwait(false);

        var recorded = new List<JobEvent>(3);
        foreach (var stage in StagesBetween(before, after, update))
        {
            recorded.Add(await AppendEventAsync(connection, transaction, update, stage, cancellationToken).ConfigureAwait(false));
        }
        return recorded;
    }

    /// <summary>
    /// True where one statement can report the row's status from before the upsert and after it
    /// (PostgreSQL: a CTE reads the statement's starting snapshot), which saves two round trips per
    /// update. Elsewhere (SQLite, in-process: no round trips to save) the status is read before and after.
    /// </summary>
    protected virtual bool UpsertReportsStatusChange => false;

    /// <summary>Merges <paramref name="update"/> into its row; the job's status before and after.</summary>
    private async Task<(string? Before, string After)> UpsertAsync(DbConnection connection, DbTransaction transaction, JobRecordUpdate update, CancellationToken cancellationToken)
    {
        if (!UpsertReportsStatusChange)
        {
            var before = await StatusOfAsync(connection, transaction, update.JobId, cancellationToken).ConfigureAwait(false);
            var upsert = UpsertCommand(connection, transaction, UpsertSql, update);
            await using (upsert.ConfigureAwait(false))
            {
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return (before, (await StatusOfAsync(connection, transaction, update.JobId, cancellationToken).ConfigureAwait(false))!);
        }

        var command = UpsertCommand(connection, transaction,
            $"WITH before AS (SELECT status FROM {Table} WHERE job_id = @job_id)\n{UpsertSql}\nRETURNING (SELECT status FROM before), {Table}.status", update);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                // ON CONFLICT DO UPDATE always updates, so the statement returns the job's row.
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1));
            }
        }
    }

    /// <summary>The upsert <paramref name="sql"/> with every field of <paramref name="update"/> bound.</summary>
    private DbCommand UpsertCommand(DbConnection connection, DbTransaction transaction, string sql, JobRecordUpdate update)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, "job_id", JobIdValue(update.JobId));
        Bind(command, "kind", update.Kind);
        Bind(command, "tenant_id", update.TenantId);
        Bind(command, "status", update.Status);
        Bind(command, "status_rank", JobStatus.Rank(update.Status));
        Bind(command, "submitted_us", Micros(update.SubmittedAt));
        Bind(command, "started_us", Micros(update.StartedAt), DbType.Int64);
        Bind(command, "completed_us", Micros(update.CompletedAt), DbType.Int64);
        Bind(command, "attempts", update.Attempts);
        Bind(command, "processor_id", update.ProcessorId);
        Bind(command, "engine", update.Engine);
        Bind(command, "device_name", update.DeviceName);
        Bind(command, "compute_ms", update.ComputeMs, DbType.Double);
        Bind(command, "result", update.ResultJson);
        Bind(command, "error_code", update.ErrorCode);
        Bind(command, "error_message", update.ErrorMessage);
        Bind(command, "updated_us", Micros(DateTimeOffset.UtcNow));
        return command;
    }

    private async Task<string?> StatusOfAsync(DbConnection connection, DbTransaction transaction, Guid jobId, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT status FROM {Table} WHERE job_id = @job_id";
            Bind(command, "job_id", JobIdValue(jobId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    /// <summary>
    /// The stages a job passed from <paramref name="before"/> to <paramref name="after"/>. Events are
    /// consumed concurrently, so a completion can land before its start: the stream still shows
    /// submitted → started → completed, each once, in order (started is left out only for a job that
    /// never started, such as one cancelled in the queue).
    /// </summary>
    private static IEnumerable<string> StagesBetween(string? before, string after, JobRecordUpdate update)
    {
        if (after == before) yield break;
        var from = before is null ? 0 : JobStatus.Rank(before);
        var to = JobStatus.Rank(after);
        if (from < 1 && to >= 1) yield return JobStatus.Queued;
        if (from < 2 && to >= 2 && (to == 2 || update.StartedAt is not null)) yield return JobStatus.Running;
        if (to == 3) yield return after;
    }

    private static async Task<JobEvent> AppendEventAsync(DbConnection connection, DbTransaction transaction, JobRecordUpdate update, string status, CancellationToken cancellationToken)
    {
        var at = status switch
        {
            JobStatus.Queued => update.SubmittedAt,
            JobStatus.Running => update.StartedAt ?? update.SubmittedAt,
            _ => update.CompletedAt ?? update.StartedAt ?? update.SubmittedAt,
        };
        var terminalByThisUpdate = JobStatus.IsTerminal(status) && status == update.Status;
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO {EventsTable} (job_id, kind, tenant_id, type, status, at_us, error_code, error_message)
                VALUES (@job_id, @kind, @tenant_id, @type, @status, @at_us, @error_code, @error_message)
                RETURNING seq
                """;
            var type = EventTypeOf(status);
            Bind(command, "job_id", update.JobId.ToString("D"));
            Bind(command, "kind", update.Kind);
            Bind(command, "tenant_id", update.TenantId);
            Bind(command, "type", type);
            Bind(command, "status", status);
            Bind(command, "at_us", Micros(at));
            Bind(command, "error_code", terminalByThisUpdate ? update.ErrorCode : null);
            Bind(command, "error_message", terminalByThisUpdate ? update.ErrorMessage : null);
            var seq = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            return new JobEvent
            {
                Id = seq, JobId = update.JobId, Kind = update.Kind, Type = type, Status = status, At = at, TenantId = update.TenantId,
                ErrorCode = terminalByThisUpdate ? update.ErrorCode : null, ErrorMessage = terminalByThisUpdate ? update.ErrorMessage : null,
            };
        }
    }

    private static string EventTypeOf(string status) => status switch
    {
        JobStatus.Queued => JobEventTypes.Submitted,
        JobStatus.Running => JobEventTypes.Started,
        JobStatus.Succeeded => JobEventTypes.Completed,
        JobStatus.Failed => JobEventTypes.Failed,
        _ => JobEventTypes.Cancelled,
    };

    public async Task<IReadOnlyList<JobEvent>> EventsAfterAsync(long afterId, EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                var sql = new StringBuilder($"SELECT seq, job_id, kind, tenant_id, type, status, at_us, error_code, error_message FROM {EventsTable} WHERE seq > @after");
                Bind(command, "after", afterId);
                if (filter.JobId is { } jobId)
                {
                    sql.Append(" AND job_id = @job_id");
                    Bind(command, "job_id", jobId.ToString("D"));
                }
                if (filter.Kind is { } kind)
                {
                    sql.Append(" AND kind = @kind");
                    Bind(command, "kind", kind);
                }
                if (filter.Tenant is { } tenant)
                {
                    sql.Append(" AND tenant_id = @tenant_id");
                    Bind(command, "tenant_id", tenant);
                }
                sql.Append(" ORDER BY seq LIMIT @limit");
                Bind(command, "limit", limit);
                command.CommandText = sql.ToString();

                var events = new List<JobEvent>();
                var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (r.ConfigureAwait(false))
                {
                    while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        events.Add(new JobEvent
                        {
                            Id = r.GetInt64(0), JobId = Guid.Parse(r.GetString(1)), Kind = r.GetString(2),
                            TenantId = r.IsDBNull(3) ? null : r.GetString(3), Type = r.GetString(4), Status = r.GetString(5),
                            At = FromMicros(r.GetInt64(6)), ErrorCode = r.IsDBNull(7) ? null : r.GetString(7),
                            ErrorMessage = r.IsDBNull(8) ? null : r.GetString(8),
                        });
                    }
                }
                return events;
            }
        }
    }

    public async Task<long> LatestEventIdAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = $"SELECT COALESCE(MAX(seq), 0) FROM {EventsTable}";
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public async Task<TenantBacklog> ReadAsync(string tenantId, IReadOnlyCollection<Guid> published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                // The count and the recorded ids are two reads. A published job recorded between them would be missed by
                // both (admitting a tenant at its quota once more: seen in CI on Standalone) or counted twice. Reading the
                // ids before and after the count, and again while they differ (recording only adds), makes them agree.
                var recorded = await RecordedAsync(command, published, cancellationToken).ConfigureAwait(false);
                for (var attempt = 0; ; attempt++)
                {
                    command.Parameters.Clear();
                    // Served by the partial index on unfinished rows, so the cost follows the tenant's backlog, not its history.
                    command.CommandText = $"SELECT COUNT(*) FROM {Table} WHERE tenant_id = @tenant_id AND status_rank < 3";
                    Bind(command, "tenant_id", tenantId);
                    var unfinished = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                    var after = await RecordedAsync(command, published, cancellationToken).ConfigureAwait(false);
                    // After a few tries the earlier ids stand: a job recorded meanwhile then counts twice (stricter), never zero times.
                    if (after.SetEquals(recorded) || attempt == 3) return new TenantBacklog(unfinished, recorded);
                    recorded = after;
                }
            }
        }
    }

    private async Task<HashSet<Guid>> RecordedAsync(DbCommand command, IReadOnlyCollection<Guid> published, CancellationToken cancellationToken)
    {
        var recorded = new HashSet<Guid>();
        if (published.Count == 0) return recorded;
        command.Parameters.Clear();
        command.CommandText = $"SELECT {JobIdText} FROM {Table} WHERE job_id IN ({JsonIdsSql})";
        Bind(command, "ids", JsonSerializer.Serialize(published.Select(id => id.ToString("D"))));
        var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (r.ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) recorded.Add(Guid.Parse(r.GetString(0)));
        }
        return recorded;
    }

    public async Task<IReadOnlyList<FinishedJob>> FinishedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = $"SELECT kind, status, completed_us - submitted_us, tenant_id FROM {Table} WHERE status_rank = 3 AND completed_us >= @since";
                Bind(command, "since", Micros(since));
                var jobs = new List<FinishedJob>();
                var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (r.ConfigureAwait(false))
                {
                    while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        jobs.Add(new FinishedJob(r.GetString(0), r.GetString(1), r.GetInt64(2) / 1000.0, r.IsDBNull(3) ? null : r.GetString(3)));
                    }
                }
                return jobs;
            }
        }
    }

    public async Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                // Events go with their jobs; an unfinished job is never expired, however old.
                command.CommandText = $"""
                    DELETE FROM {EventsTable} WHERE at_us < @cutoff AND job_id IN (SELECT {JobIdText} FROM {Table} WHERE status_rank = 3 AND completed_us < @cutoff);
                    DELETE FROM {Table} WHERE status_rank = 3 AND completed_us < @cutoff;
                    """;
                Bind(command, "cutoff", Micros(cutoff));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task<JobResultView?> GetAsync(Guid jobId, CancellationToken cancellationToken) =>
        GetOneAsync(jobId, r => Read(r), cancellationToken);

    // The result column is read as its UTF-8 bytes: no UTF-16 string (twice the size), no parsed document (several times).
    public Task<StoredJobResult?> GetStoredAsync(Guid jobId, CancellationToken cancellationToken) =>
        GetOneAsync(jobId, r => new StoredJobResult(Read(r, parseResult: false), r.IsDBNull(13) ? null : r.GetFieldValue<byte[]>(13)), cancellationToken);

    private async Task<T?> GetOneAsync<T>(Guid jobId, Func<DbDataReader, T> read, CancellationToken cancellationToken) where T : class
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = $"SELECT {Columns} FROM {Table} WHERE job_id = @job_id";
                Bind(command, "job_id", JobIdValue(jobId));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
                }
            }
        }
    }

    public async Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                var sql = new StringBuilder($"SELECT {Columns} FROM {Table} WHERE 1 = 1");
                if (query.Status is not null)
                {
                    sql.Append(" AND status = @status");
                    Bind(command, "status", query.Status);
                }
                if (query.Kind is not null)
                {
                    sql.Append(" AND kind = @kind");
                    Bind(command, "kind", query.Kind);
                }
                if (query.Tenant is not null)
                {
                    sql.Append(" AND tenant_id = @tenant_id");
                    Bind(command, "tenant_id", query.Tenant);
                }
                if (query.After is { } after)
                {
                    sql.Append(" AND (submitted_us < @after_us OR (submitted_us = @after_us AND job_id < @after_id))");
                    Bind(command, "after_us", after.SubmittedMicros);
                    Bind(command, "after_id", JobIdValue(after.JobId));
                }
                sql.Append(" ORDER BY submitted_us DESC, job_id DESC LIMIT @limit");
                Bind(command, "limit", query.Limit + 1);
                command.CommandText = sql.ToString();

                var items = new List<JobResultView>(query.Limit + 1);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(Read(reader));
                }

                string? next = null;
                if (items.Count > query.Limit)
                {
                    items.RemoveAt(items.Count - 1);
                    var last = items[^1];
                    next = new JobCursor(Micros(last.SubmittedAt), last.JobId).Encode();
                }
                return new JobPage { Items = items, NextCursor = next };
            }
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, "SELECT 1", cancellationToken).ConfigureAwait(false);
        }
    }

    protected static Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, sql, cancellationToken);

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Typed even when null: PostgreSQL will not guess a type for a bare NULL parameter.
    private static void Bind(DbCommand command, string name, object? value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        parameter.DbType = type ?? value switch
        {
            long => DbType.Int64,
            int => DbType.Int32,
            double => DbType.Double,
            Guid => DbType.Guid,
            _ => DbType.String,
        };
        command.Parameters.Add(parameter);
    }

    private static long? Micros(DateTimeOffset? time) => time is { } t ? Micros(t) : null;

    private static long Micros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);

    private static JobResultView Read(DbDataReader r, bool parseResult = true)
    {
        long? Long(int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);

        var submitted = FromMicros(r.GetInt64(5));
        var started = Long(6) is { } s ? FromMicros(s) : (DateTimeOffset?)null;
        var completed = Long(7) is { } c ? FromMicros(c) : (DateTimeOffset?)null;
        var engine = Text(10);
        var result = parseResult ? Text(13) : null;
        var errorCode = Text(14);

        return new JobResultView
        {
            JobId = r.GetGuid(0),
            Kind = r.GetString(1),
            TenantId = Text(2),
            Status = r.GetString(3),
            SubmittedAt = submitted,
            StartedAt = started,
            CompletedAt = completed,
            Attempts = r.GetInt32(8),
            Accelerator = engine is null ? null : new AcceleratorView { Engine = engine, DeviceName = Text(11) ?? "", ProcessorId = Text(9) },
            Timings = new JobTimings
            {
                QueueMs = started is { } st ? Math.Round((st - submitted).TotalMilliseconds, 3) : null,
                ComputeMs = r.IsDBNull(12) ? null : Math.Round(r.GetDouble(12), 3),
                TotalMs = completed is { } co ? Math.Round((co - submitted).TotalMilliseconds, 3) : null,
            },
            Result = result is null ? null : JsonDocument.Parse(result).RootElement.Clone(),
            Error = errorCode is null ? null : new JobError { Code = errorCode, Message = Text(15) ?? "" },
        };
    }
}
