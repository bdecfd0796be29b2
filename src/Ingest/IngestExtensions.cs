using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Prism.Ingest.Admission;
using Prism.Ingest.Idempotency;
using Prism.Ingest.Submission;
using Prism.ServiceDefaults.Kinds;
using Prism.ServiceDefaults.Messaging;
using Prism.ServiceDefaults.Quotas;

namespace Prism.Ingest;

/// <summary>Registers the ingest feature: submission reading and validation, publishing.</summary>
public static class IngestExtensions
{
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName)
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 1L << 30, "Ingest:MaxBodyBytes must be 1 KiB..1 GiB.")
            .Validate(o => o.MaxBufferedBodyBytes >= o.MaxBodyBytes, "Ingest:MaxBufferedBodyBytes must be at least Ingest:MaxBodyBytes.")
            .Validate(o => o.PublishTimeoutSeconds is >= 1 and <= 300, "Ingest:PublishTimeoutSeconds must be 1..300.")
            .Validate(o => o.MaxDeadlineSeconds >= 1, "Ingest:MaxDeadlineSeconds must be positive.")
            .Validate(o => o.MaxBatchSize is >= 1 and <= 10_000, "Ingest:MaxBatchSize must be 1..10000.")
            .Validate(o => o.MaxQueuedJobsPerTenant >= 0, "Ingest:MaxQueuedJobsPerTenant must be 0 (off) or positive.")
            .Validate(o => o.IdempotencyHours > 0, "Ingest:IdempotencyHours must be positive.")
            .Validate(o => o.Admission.MaxQueueDepth >= 0, "Ingest:Admission:MaxQueueDepth must be 0 (off) or positive.")
            .Validate(o => o.Admission.DepthCacheMilliseconds is >= 0 and <= 60_000, "Ingest:Admission:DepthCacheMilliseconds must be 0..60000.")
            .Validate(o => o.Admission.ProbeTimeoutMilliseconds is >= 100 and <= 60_000, "Ingest:Admission:ProbeTimeoutMilliseconds must be 100..60000.")
            .Validate(o => o.Admission.RetryAfterSeconds is >= 1 and <= 3600, "Ingest:Admission:RetryAfterSeconds must be 1..3600.")
            .ValidateOnStart();
        // A job's input travels in its JobSubmitted (compact, so at most the body's size): a body limit above what a
        // message can carry would accept jobs the broker then refuses or no processor can read.
        builder.Services.AddOptions<IngestOptions>()
            .Validate<IOptions<BusOptions>>((o, bus) => o.MaxBodyBytes <= bus.Value.MaxPayloadBytes,
                "Ingest:MaxBodyBytes must be at most Bus:MaxMessageBytes less 1 MiB for the envelope (raise both together).")
            .ValidateOnStart();
        // Kestrel's own body limit (30,000,000 bytes by default) would otherwise answer first, so the documented
        // 32 MiB could never be reached; the limit is one setting, enforced by both.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<IngestOptions>>((kestrel, ingest) =>
            kestrel.Limits.MaxRequestBodySize = ingest.Value.MaxBodyBytes);
        builder.Services.AddJobKinds();
        builder.Services.AddSingleton<SubmissionReader>();
        builder.Services.AddSingleton<BodyBudget>();
        builder.Services.AddSingleton<AdmissionGate>();
        builder.Services.AddSingleton<TenantQuota>();
        // Only a broker has a queue to measure; the in-memory bus admits everything.
        var rabbit = builder.Configuration.GetConnectionString(Prism.ServiceDefaults.Messaging.BusOptions.RabbitMqConnectionName);
        if (!string.IsNullOrWhiteSpace(rabbit))
        {
            builder.Services.AddSingleton<IQueueDepthProbe>(sp => new RabbitMqQueueDepthProbe(new Uri(rabbit),
                TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<IngestOptions>>().Value.Admission.ProbeTimeoutMilliseconds)));
        }
        // Idempotency keys live where every replica sees them: the PostgreSQL results database when there is one.
        var results = builder.Configuration.GetConnectionString("results");
        if (results is not null && results.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(results));
            builder.Services.AddSingleton<IIdempotencyStore, PostgresIdempotencyStore>();
            // The same database holds Results' record of jobs, which the per-tenant quota counts.
            builder.Services.AddSingleton<ITenantBacklog, PostgresTenantBacklog>();
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
