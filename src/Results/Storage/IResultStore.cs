using Prism.Contracts.Api;

namespace Prism.Results.Storage;

/// <summary>
/// Where job outcomes live: one row per job, upserted by job id. Implemented on SQLite (Standalone)
/// and PostgreSQL (distributed) with the same semantics.
/// </summary>
public interface IResultStore
{
    /// <summary>Short name for logs and health: <c>sqlite</c> or <c>postgresql</c>.</summary>
    string Provider { get; }

    /// <summary>Where the data is, for people (a file path, or host/database), without secrets.</summary>
    string Location { get; }

    /// <summary>Creates the schema if missing. Safe to call from several replicas at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Merges one event into its job's row; never moves a state backwards, never adds a second row.</summary>
    Task ApplyAsync(JobRecordUpdate update, CancellationToken cancellationToken);

    Task<JobResultView?> GetAsync(Guid jobId, CancellationToken cancellationToken);

    Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
