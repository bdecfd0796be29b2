using MassTransit;
using Npgsql;
using Prism.Results.Events;
using Prism.Results.Storage;
using Prism.ServiceDefaults.Health;
using Prism.ServiceDefaults.Messaging;

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
        builder.Services.AddSingleton<JobChangeNotifier>();
        builder.Services.AddSingleton<JobEventRecorder>();
        builder.Services.AddSingleton<ResultsMetrics>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddHealthChecks().AddCheck<ResultStoreHealthCheck>("store", tags: [HealthTags.Ready]);
        builder.AddBusConsumers(x => x.AddConsumer<JobEventConsumer, JobEventConsumerDefinition>());
        return builder;
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
