using Prism.Ingest.Idempotency;
using Prism.Ingest.Submission;

namespace Prism.Ingest;

/// <summary>Registers the ingest feature: submission reading and validation, publishing.</summary>
public static class IngestExtensions
{
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName)
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 1L << 30, "Ingest:MaxBodyBytes must be 1 KiB..1 GiB.")
            .Validate(o => o.PublishTimeoutSeconds is >= 1 and <= 300, "Ingest:PublishTimeoutSeconds must be 1..300.")
            .Validate(o => o.MaxDeadlineSeconds >= 1, "Ingest:MaxDeadlineSeconds must be positive.")
            .Validate(o => o.MaxBatchSize is >= 1 and <= 10_000, "Ingest:MaxBatchSize must be 1..10000.")
            .Validate(o => o.IdempotencyHours > 0, "Ingest:IdempotencyHours must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SubmissionReader>();
        // Idempotency keys live where every replica sees them: the PostgreSQL results database when there is one.
        var results = builder.Configuration.GetConnectionString("results");
        if (results is not null && results.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(results));
            builder.Services.AddSingleton<IIdempotencyStore, PostgresIdempotencyStore>();
        }
        else
        {
            builder.Services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        }
        builder.Services.AddScoped<JobPublisher>();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
