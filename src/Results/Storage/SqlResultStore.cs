using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.Results.Storage;

/// <summary>
/// The store's SQL, shared by SQLite and PostgreSQL: both speak <c>INSERT … ON CONFLICT DO UPDATE</c>,
/// so the forward-only merge is one statement and a race between two events for the same job is
/// settled by the database, not by the caller. Times are stored as Unix microseconds.
/// </summary>
public abstract class SqlResultStore : IResultStore
{
    protected const string Table = "prism_jobs";

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

    public virtual async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, SchemaSql, cancellationToken).ConfigureAwait(false);
        }
    }

    public virtual async Task ApplyAsync(JobRecordUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = UpsertSql;
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
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<JobResultView?> GetAsync(Guid jobId, CancellationToken cancellationToken)
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
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
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

    protected static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
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

    private static JobResultView Read(DbDataReader r)
    {
        long? Long(int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);

        var submitted = FromMicros(r.GetInt64(5));
        var started = Long(6) is { } s ? FromMicros(s) : (DateTimeOffset?)null;
        var completed = Long(7) is { } c ? FromMicros(c) : (DateTimeOffset?)null;
        var engine = Text(10);
        var result = Text(13);
        var errorCode = Text(14);

        return new JobResultView
        {
            JobId = r.GetGuid(0),
            Kind = r.GetString(1),
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
