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

    /// <summary>
    /// Merges one event into its job's row; never moves a state backwards, never adds a second row.
    /// Returns the stream events recorded for the stages the job passed (none for a duplicate or late event).
    /// </summary>
    Task<IReadOnlyList<JobEvent>> ApplyAsync(JobRecordUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ApplyAsync"/> for several updates, in order, all committed together or none: one
    /// transaction instead of one per event. Returns each update's stream events, in the same order.
    /// </summary>
    async Task<IReadOnlyList<IReadOnlyList<JobEvent>>> ApplyManyAsync(IReadOnlyList<JobRecordUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var recorded = new List<IReadOnlyList<JobEvent>>(updates.Count);
        foreach (var update in updates) recorded.Add(await ApplyAsync(update, cancellationToken).ConfigureAwait(false));
        return recorded;
    }

    /// <summary>Stream events with an id above <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<JobEvent>> EventsAfterAsync(long afterId, EventFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>The id of the newest stream event (0 when there is none): where a stream that starts now begins.</summary>
    Task<long> LatestEventIdAsync(CancellationToken cancellationToken);

    /// <summary>Jobs that finished at or after <paramref name="since"/>, for domain health.</summary>
    Task<IReadOnlyList<FinishedJob>> FinishedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes finished jobs (and their events) that finished before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task<JobResultView?> GetAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>
    /// A job with its result as stored (UTF-8 JSON, not parsed; <see cref="StoredJobResult.View"/> has no result),
    /// for serving it as it is: a parsed result costs several times its size per reader.
    /// </summary>
    Task<StoredJobResult?> GetStoredAsync(Guid jobId, CancellationToken cancellationToken);

    Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
