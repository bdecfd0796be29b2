namespace Prism.Ingest.Admission;

/// <summary>
/// When Ingest stops taking work (section <c>Ingest:Admission</c>): a job queue deeper than
/// <see cref="MaxQueueDepth"/>, or a broker that cannot tell its depth, gets 503 with Retry-After.
/// Applies with RabbitMQ; the in-memory bus of Standalone has no queue to measure.
/// </summary>
public sealed class AdmissionOptions
{
    /// <summary>Most ready messages on the jobs queue before submissions are refused; 0 turns admission control off.</summary>
    public long MaxQueueDepth { get; set; } = 100_000;

    /// <summary>How long a measured depth is reused, so a burst of submissions costs the broker one query.</summary>
    public int DepthCacheMilliseconds { get; set; } = 1000;

    /// <summary>How long the depth query may take before the broker counts as unreachable.</summary>
    public int ProbeTimeoutMilliseconds { get; set; } = 3000;

    /// <summary>The Retry-After a refused submission carries.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
