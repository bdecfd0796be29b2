namespace Prism.Client;

/// <summary>Optional settings of one submission.</summary>
public sealed record SubmitOptions
{
    /// <summary>0 (default) to 9; higher runs first.</summary>
    public int? Priority { get; init; }

    /// <summary>A job not started within this many seconds fails with <c>deadline_exceeded</c>.</summary>
    public int? DeadlineSeconds { get; init; }

    /// <summary>Sent as the <c>Idempotency-Key</c> header: submitting the same key again answers with the first job's receipt.</summary>
    public string? IdempotencyKey { get; init; }
}
