namespace Prism.Ingest;

/// <summary>Settings of the ingest API (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest request body accepted; larger ones get 413 before they are read. 32 MiB holds the largest frame.</summary>
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Most bytes of request bodies (those over 1 MiB) held by concurrent submissions; past it a submission gets 503
    /// with Retry-After. 128 MiB holds four maximum bodies; peak memory is a small multiple of it (docs/security.md).
    /// </summary>
    public long MaxBufferedBodyBytes { get; set; } = 128 * 1024 * 1024;

    /// <summary>How long a publish may wait for the broker's confirm before the request gets 503.</summary>
    public int PublishTimeoutSeconds { get; set; } = 10;

    /// <summary>Most jobs in one <c>POST /api/v1/jobs/batch</c>.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>How long an Idempotency-Key is remembered.</summary>
    public double IdempotencyHours { get; set; } = 24;

    /// <summary>Longest deadline a job may ask for.</summary>
    public int MaxDeadlineSeconds { get; set; } = 86_400;

    /// <summary>
    /// Most unfinished (queued or running) jobs one tenant may have; a submission that would pass it gets 429 with
    /// Retry-After. A batch counts each job. 0 turns the quota off; jobs without a tenant (auth off) are not counted.
    /// </summary>
    public int MaxQueuedJobsPerTenant { get; set; } = 10_000;

    /// <summary>When submissions are refused because the queue is too deep (section <c>Ingest:Admission</c>).</summary>
    public Admission.AdmissionOptions Admission { get; set; } = new();
}
