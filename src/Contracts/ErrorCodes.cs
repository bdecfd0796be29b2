namespace Prism.Contracts;

/// <summary>Stable error codes carried by <see cref="JobFailed"/> and problem responses. Never reword one.</summary>
public static class ErrorCodes
{
    /// <summary>The input failed validation (re-checked by the processor).</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>No processor knows the job's kind.</summary>
    public const string UnknownKind = "unknown_kind";

    /// <summary>An AR fit's normal equations were singular.</summary>
    public const string SingularFit = "singular_fit";

    /// <summary>No path or route reaches the goal.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The job was not started before its deadline.</summary>
    public const string DeadlineExceeded = "deadline_exceeded";

    /// <summary>The job was cancelled (its <c>error.code</c> when it ends <c>cancelled</c>).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The job computed longer than the processor's <c>MaxJobSeconds</c>.</summary>
    public const string JobTimeout = "job_timeout";

    /// <summary>
    /// The computation failed in a way the same input repeats on every try (a bug's exception, or a
    /// result holding a number JSON cannot carry): failed at once, with a plain message, never retried.
    /// </summary>
    public const string ComputationFailed = "computation_failed";

    /// <summary>The processor kept failing on the job after its retries.</summary>
    public const string ProcessingFailed = "processing_failed";

    /// <summary>
    /// The job computed, but its serialized result is larger than a message may be (<c>Bus:MaxMessageBytes</c>
    /// less an allowance for the envelope), so it cannot be carried to Results.
    /// </summary>
    public const string ResultTooLarge = "result_too_large";
}
