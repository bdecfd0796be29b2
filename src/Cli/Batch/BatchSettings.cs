namespace Prism.Cli.Batch;

/// <summary>How a batch is sent and waited for.</summary>
public sealed record BatchSettings
{
    /// <summary>Jobs per <c>POST /api/v1/jobs/batch</c>.</summary>
    public int ChunkSize { get; init; } = 100;

    /// <summary>Results long-polled at once.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>How long to wait for all jobs to finish, from the first submit.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>False: submit only, report receipts.</summary>
    public bool Wait { get; init; } = true;

    /// <summary>Times one chunk is re-sent when the API answers 503/429 (after its Retry-After).</summary>
    public int UnavailableRetries { get; init; } = 5;
}
