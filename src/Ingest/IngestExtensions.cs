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
            .ValidateOnStart();
        builder.Services.AddSingleton<SubmissionReader>();
        builder.Services.AddScoped<JobPublisher>();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
