using Npgsql;
using Prism.ServiceDefaults.Quotas;

namespace Prism.Ingest.Admission;

/// <summary>
/// A separate Ingest's view of a tenant's backlog: Results' <c>prism_jobs</c> table in the PostgreSQL database
/// they share (as the idempotency keys do). Results owns the table and its partial index on unfinished rows.
/// </summary>
public sealed class PostgresTenantBacklog(NpgsqlDataSource dataSource) : ITenantBacklog
{
    private const string UndefinedTable = "42P01";

    public async Task<TenantBacklog> ReadAsync(string tenantId, IReadOnlyCollection<Guid> published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        await using var command = dataSource.CreateCommand("""
            SELECT COUNT(*), NULL::uuid FROM prism_jobs WHERE tenant_id = @tenant_id AND status_rank < 3
            UNION ALL
            SELECT NULL, job_id FROM prism_jobs WHERE job_id = ANY(@ids)
            """);
        command.Parameters.AddWithValue("tenant_id", tenantId);
        command.Parameters.AddWithValue("ids", published.ToArray());
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            long unfinished = 0;
            var recorded = new HashSet<Guid>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.IsDBNull(1)) unfinished = reader.GetInt64(0);
                else recorded.Add(reader.GetGuid(1));
            }
            return new TenantBacklog(unfinished, recorded);
        }
        catch (PostgresException ex) when (ex.SqlState == UndefinedTable)
        {
            // Results has not created its table yet, so it has recorded nothing: only what Ingest published counts.
            return new TenantBacklog(0, new HashSet<Guid>());
        }
    }
}
