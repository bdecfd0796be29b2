namespace Prism.Results;

/// <summary>Settings of the results service (section <c>Results</c>).</summary>
public sealed class ResultsOptions
{
    public const string SectionName = "Results";

    /// <summary>Name of the connection string of the store: PostgreSQL when it has a <c>Host=</c>, else a SQLite file.</summary>
    public const string ConnectionName = "results";

    /// <summary>Used when <c>ConnectionStrings:results</c> is not set: a SQLite file under the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=data/prism.db";

    /// <summary>Longest <c>waitSeconds</c> a long-poll may ask for.</summary>
    public const int MaxWaitSeconds = 60;

    /// <summary>Largest page <c>GET /api/v1/results</c> serves.</summary>
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    /// <summary>Finished jobs and their events are deleted this many days after they finished.</summary>
    public double RetentionDays { get; set; } = 7;

    /// <summary>How often the retention sweep runs.</summary>
    public double SweepIntervalMinutes { get; set; } = 10;

    /// <summary>A processor whose last heartbeat is older than this is no longer listed as live.</summary>
    public double ProcessorTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Browser origins besides Results' own that may open <c>/ws</c> (for example <c>https://dashboard.example.com</c>;
    /// <c>*</c> allows any). Same-origin pages and clients that send no <c>Origin</c> always may.
    /// </summary>
    public string[] WebSocketAllowedOrigins { get; set; } = [];

    /// <summary>The window of recent jobs domain health is computed over.</summary>
    public int HealthWindowMinutes { get; set; } = 5;
}
