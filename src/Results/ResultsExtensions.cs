using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Prism.Results.Apis;
using Prism.Results.Events;
using Prism.Results.Processors;
using Prism.Results.Retention;
using Prism.Results.Storage;
using Prism.Results.Streaming;
using Prism.ServiceDefaults.Health;
using Prism.ServiceDefaults.Kinds;
using Prism.ServiceDefaults.Messaging;
using Prism.ServiceDefaults.Quotas;

namespace Prism.Results;

/// <summary>Registers the results feature: the store, the event consumer, long-poll notifications.</summary>
public static class ResultsExtensions
{
    public static IHostApplicationBuilder AddResults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ResultsOptions.ConnectionName) ?? ResultsOptions.DefaultConnectionString;
        builder.Services.AddSingleton<IResultStore>(_ => CreateStore(connectionString));
        builder.Services.AddHostedService<ResultStoreInitializer>();
        // Ingest's per-tenant quota reads the backlog here when it runs in the same process (Standalone);
        // a separate Ingest has registered its own reader of the shared database first.
        builder.Services.TryAddSingleton<ITenantBacklog>(sp => (ITenantBacklog)sp.GetRequiredService<IResultStore>());
        builder.Services.AddSingleton<JobChangeNotifier>();
        builder.Services.AddSingleton<StoreWriteBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StoreWriteBatcher>());
        builder.Services.AddSingleton<ResultsMetrics>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<ResultsOptions>().BindConfiguration(ResultsOptions.SectionName)
            .Validate(o => o.RetentionDays > 0, "Results:RetentionDays must be positive.")
            .Validate(o => o.SweepIntervalMinutes > 0, "Results:SweepIntervalMinutes must be positive.")
            .Validate(o => o.ProcessorTimeoutSeconds > 0, "Results:ProcessorTimeoutSeconds must be positive.")
            .Validate(o => o.HealthWindowMinutes is >= 1 and <= 1440, "Results:HealthWindowMinutes must be 1..1440.")
            .Validate(o => o.WebSocketAllowedOrigins.All(WebSocketOrigins.IsValidSetting), "Results:WebSocketAllowedOrigins entries must be * or an origin such as https://dashboard.example.com (scheme, host, optional port; no path).")
            .ValidateOnStart();
        builder.Services.AddSingleton<EventBroadcaster>();
        builder.Services.AddSingleton<FanOutReadiness>();
        builder.Services.AddReceiveEndpointObserver(provider => provider.GetRequiredService<FanOutReadiness>());
        builder.Services.AddSingleton<ProcessorRegistry>();
        builder.Services.AddJobKinds();
        builder.Services.AddSingleton<DomainHealth>();
        builder.Services.AddHostedService<RetentionSweeper>();

        builder.Services.AddHealthChecks().AddCheck<ResultStoreHealthCheck>("store", tags: [HealthTags.Ready])
            .AddCheck<FanOutReadiness>("live-events", tags: [HealthTags.Ready]);
        builder.AddBusConsumers(x =>
        {
            x.AddConsumer<JobEventConsumer, JobEventConsumerDefinition>();
            x.AddConsumer<JobEventFanOutConsumer, JobEventFanOutConsumerDefinition>();
            x.AddConsumer<ProcessorHeartbeatConsumer, ProcessorHeartbeatConsumerDefinition>();
        });
        return builder;
    }

    /// <summary>Maps every Results endpoint: results, events (SSE and WebSocket), cancel, processors and domain health.</summary>
    public static WebApplication MapResultsApis(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.MapResultsApi();
        app.MapEventsApi();
        app.MapWebSocketApi();
        app.MapCancelApi();
        app.MapProcessorsApi();
        return app;
    }

    /// <summary>A connection string with <c>Host=</c> is PostgreSQL; anything else is a SQLite file.</summary>
    public static IResultStore CreateStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new PostgresResultStore(NpgsqlDataSource.Create(connectionString))
            : new SqliteResultStore(connectionString);
    }
}
