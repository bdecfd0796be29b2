namespace Prism.Pipeline;

/// <summary>What one benchmark run does. Every field has a command-line option in <see cref="PipelineCommand"/>.</summary>
public sealed record BenchmarkSettings
{
    /// <summary><c>standalone</c> (one process, in-memory bus, SQLite) or <c>distributed</c> (Ingest, Processor, Results over RabbitMQ and PostgreSQL).</summary>
    public string Mode { get; init; } = BenchmarkModes.Standalone;

    public int Jobs { get; init; } = 2000;

    /// <summary>Jobs in flight at once in the peak phase (each one submitted, then waited for).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Kinds and their weights in the mix, e.g. <c>pixels.entropy=3,timeseries.forecast=1</c>.</summary>
    public IReadOnlyDictionary<string, int> Kinds { get; init; } = new Dictionary<string, int> { ["pixels.entropy"] = 1 };

    /// <summary>
    /// The warm-up runs the closed loop at least this long (and at least a tenth of the jobs): the services'
    /// code is compiled by tiered JIT in the first tens of seconds under load, and a peak measured before
    /// that is the compiler's, not the pipeline's (2–3× lower on this project's 2-core machine).
    /// </summary>
    public double WarmupSeconds { get; init; } = 20;

    /// <summary>Side of the square frames generated for <c>pixels.entropy</c> (tiny jobs by default).</summary>
    public int EntropyFrameSide { get; init; } = 32;

    /// <summary>Ingest and Results of a stack already running; when set, nothing is started.</summary>
    public Uri? IngestUrl { get; init; }

    public Uri? ResultsUrl { get; init; }

    /// <summary>amqp:// URI of the broker for distributed mode and the RabbitMQ ceilings.</summary>
    public string? RabbitMq { get; init; }

    /// <summary>Management API (http://user:pass@host:15672/): each run gets fresh virtual hosts when set.</summary>
    public string? RabbitMqManagement { get; init; }

    /// <summary>Npgsql connection string of the server: each run gets a fresh database.</summary>
    public string? Postgres { get; init; }

    /// <summary>Messages per ceiling measurement.</summary>
    public int CeilingMessages { get; init; } = 20_000;

    /// <summary>Run the paced phase at half the peak rate (for the p99 ≤ 5 × p50 target).</summary>
    public bool PacedPhase { get; init; } = true;

    /// <summary>Extra settings passed to every service started (e.g. <c>Processor__MaxBatchSize=1</c>).</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Folder under which <c>&lt;timestamp&gt;/report.md</c> and <c>latency.png</c> are written.</summary>
    public string ResultsFolder { get; init; } = "results";

    /// <summary>Names the run in the report (e.g. "before store batching").</summary>
    public string? Label { get; init; }
}

public static class BenchmarkModes
{
    public const string Standalone = "standalone";
    public const string Distributed = "distributed";
}
