using Npgsql;

namespace Prism.IntegrationTests.Faults.Rig;

/// <summary>
/// Reads the outcome of a run straight from the results database: what was recorded for every
/// accepted job, and how many <c>completed</c> events each one got.
/// </summary>
public sealed class Ledger(string database)
{
    public sealed record Audit(int Accepted, int Succeeded, IReadOnlyList<Guid> Lost, IReadOnlyList<Guid> Duplicated, int Unexpected)
    {
        public override string ToString() =>
            $"{Accepted} accepted, {Succeeded} succeeded, lost {Lost.Count}, duplicated {Duplicated.Count}, recorded without a receipt {Unexpected}" +
            (Lost.Count > 0 ? $"; lost e.g. {string.Join(", ", Lost.Take(5))}" : "") +
            (Duplicated.Count > 0 ? $"; duplicated e.g. {string.Join(", ", Duplicated.Take(5))}" : "");
    }

    public sealed record JobRow(string Status, string? ProcessorId, DateTimeOffset? CompletedAt, double? ComputeMs, long Completions, int Attempts, string? ErrorCode);

    /// <summary>One job's row and its number of <c>completed</c> events; null while it is not recorded.</summary>
    public async Task<JobRow?> JobAsync(Guid jobId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT status, processor_id, completed_us, compute_ms,
                   (SELECT count(*) FROM prism_job_events e WHERE e.job_id = @text AND e.type = 'completed'), attempts, error_code
            FROM prism_jobs WHERE job_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("text", jobId.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new JobRow(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2) / 1000),
            reader.IsDBNull(3) ? null : reader.GetDouble(3),
            reader.GetInt64(4),
            reader.IsDBNull(5) ? 0 : reader.GetInt32(5),
            reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    /// <summary>Polls until the job is recorded with a status <paramref name="match"/> accepts; null at the deadline.</summary>
    public async Task<JobRow?> WaitJobAsync(Guid jobId, Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await JobAsync(jobId) is { } row && match(row.Status)) return row;
            await Task.Delay(100);
        }
        return null;
    }

    /// <summary>Jobs recorded succeeded now (0 while the database is unreachable).</summary>
    public async Task<int> SucceededAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM prism_jobs WHERE status = 'succeeded'", connection);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return 0;
        }
    }

    /// <summary>Polls until at least <paramref name="count"/> jobs are recorded succeeded; false at the deadline.</summary>
    public async Task<bool> WaitSucceededAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await SucceededAsync() >= count) return true;
            await Task.Delay(250);
        }
        return false;
    }

    public async Task<Audit> AuditAsync(IReadOnlyCollection<Guid> accepted)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var succeeded = new HashSet<Guid>();
        var recorded = new HashSet<Guid>();
        await using (var rows = new NpgsqlCommand("SELECT job_id, status FROM prism_jobs", connection))
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var id = reader.GetGuid(0);
                recorded.Add(id);
                if (reader.GetString(1) == "succeeded") succeeded.Add(id);
            }
        }
        var completions = new Dictionary<Guid, long>();
        await using (var events = new NpgsqlCommand("SELECT job_id, count(*) FROM prism_job_events WHERE type = 'completed' GROUP BY job_id", connection))
        await using (var reader = await events.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) completions[Guid.Parse(reader.GetString(0))] = reader.GetInt64(1);
        }
        var acceptedSet = accepted.ToHashSet();
        return new Audit(
            acceptedSet.Count,
            acceptedSet.Count(succeeded.Contains),
            [.. acceptedSet.Where(id => !succeeded.Contains(id) || !completions.ContainsKey(id))],
            [.. completions.Where(c => c.Value > 1).Select(c => c.Key)],
            recorded.Count(id => !acceptedSet.Contains(id)));
    }
}
