using MassTransit;
using Microsoft.Extensions.Options;
using Prism.Compute;
using Prism.Processor.Jobs;
using Prism.ServiceDefaults.Health;
using Prism.ServiceDefaults.Kinds;
using Prism.ServiceDefaults.Messaging;

namespace Prism.Processor;

/// <summary>Registers the processor feature: compute device, kinds, the job consumer.</summary>
public static class ProcessorExtensions
{
    public static IHostApplicationBuilder AddProcessor(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ProcessorOptions>().BindConfiguration(ProcessorOptions.SectionName)
            .Validate(o => EngineNames.Modes.Contains(o.Engine), $"Processor:Engine must be one of: {string.Join(", ", EngineNames.Modes)}.")
            .Validate(o => o.MaxConcurrentJobs is > 0 and <= 1024, "Processor:MaxConcurrentJobs must be 1..1024.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ProcessorId), "Processor:ProcessorId must not be empty.")
            .Validate(o => o.MaxBatchSize is >= 1 and <= 4096, "Processor:MaxBatchSize must be 1..4096.")
            .Validate(o => o.MaxBatchDelayMs is >= 0 and <= 1000, "Processor:MaxBatchDelayMs must be 0..1000.")
            .Validate(o => o.AnnounceStartAfterMs is >= 0 and <= 60_000, "Processor:AnnounceStartAfterMs must be 0..60000.")
            .Validate(o => o.HeartbeatSeconds is >= 0.2 and <= 60, "Processor:HeartbeatSeconds must be 0.2..60.")
            .Validate(o => o.MaxJobSeconds > 0 && o.MaxJobSeconds + 60 <= o.BrokerConsumerTimeoutSeconds,
                "Processor:MaxJobSeconds must be positive and at least 60 s below Processor:BrokerConsumerTimeoutSeconds (RabbitMQ's consumer_timeout), or a long job is redelivered and runs twice.")
            .ValidateOnStart();

        builder.Services.AddSingleton(sp => new ComputeDevice(
            sp.GetRequiredService<IOptions<ProcessorOptions>>().Value.Engine, sp.GetRequiredService<ILogger<ComputeDevice>>()));
        builder.Services.AddSingleton<ProcessorMetrics>();
        builder.Services.AddHostedService<ComputeStartup>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddSingleton<CancellationRegistry>();
        builder.Services.AddSingleton<FinishedJobs>();
        builder.Services.AddSingleton<KindBatcher>();
        builder.Services.AddSingleton(sp => new PriorityGate(sp.GetRequiredService<IOptions<ProcessorOptions>>().Value.MaxConcurrentJobs));
        builder.Services.AddHostedService<HeartbeatService>();

        builder.Services.AddJobKinds();
        builder.Services.AddComputeKinds();

        builder.Services.AddHealthChecks().AddCheck<ComputeHealthCheck>("compute", tags: [HealthTags.Ready]);
        builder.AddBusConsumers(x =>
        {
            x.AddConsumer<JobSubmittedConsumer, JobSubmittedConsumerDefinition>();
            x.AddConsumer<CancelJobConsumer, CancelJobConsumerDefinition>();
        });
        return builder;
    }
}
