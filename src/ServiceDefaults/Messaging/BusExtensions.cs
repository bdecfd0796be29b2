using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Prism.Contracts;

namespace Prism.ServiceDefaults.Messaging;

/// <summary>
/// One MassTransit bus per process. Each feature contributes its consumers with
/// <see cref="AddBusConsumers"/>; <see cref="AddPrismBus"/> then builds the bus once, so
/// Standalone (all features, in-memory) and the split services (one feature, RabbitMQ) share the wiring.
/// </summary>
public static class BusExtensions
{
    private const string ContributionsKey = "Prism.BusContributions";

    public static IHostApplicationBuilder AddBusConsumers(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Contributions(builder).Add(configure);
        return builder;
    }

    public static IHostApplicationBuilder AddPrismBus(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.SectionName)
            .Validate(o => o.PrefetchCount is > 0 and <= 10_000, "Bus:PrefetchCount must be 1..10000.")
            .ValidateOnStart();
        var rabbit = builder.Configuration.GetConnectionString(BusOptions.RabbitMqConnectionName);
        var contributions = Contributions(builder);

        builder.Services.AddMassTransit(x =>
        {
            foreach (var contribute in contributions) contribute(x);

            if (string.IsNullOrWhiteSpace(rabbit))
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseCompactJson();
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                var uri = new Uri(rabbit);
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(uri, h => h.PublisherConfirmation = true);
                    cfg.UseCompactJson();
                    cfg.DeclarePrismTopology();
                    cfg.ConfigureEndpoints(context);
                });
            }
        });

        if (!string.IsNullOrWhiteSpace(rabbit))
        {
            var broker = new Uri(rabbit);
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("rabbitmq", _ => new BrokerReachableHealthCheck(broker),
                HealthStatus.Unhealthy, [Health.HealthTags.Ready]));
        }

        var consumerStopSeconds = builder.Configuration.GetValue($"{BusOptions.SectionName}:{nameof(BusOptions.ConsumerStopSeconds)}", new BusOptions().ConsumerStopSeconds);
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            // On SIGTERM the bus stops taking messages at once; in-flight consumers get ConsumerStopTimeout
            // to finish, then their token is cancelled and what is unfinished goes back to the queue (for
            // another replica). StopTimeout bounds the whole stop, below HostOptions.ShutdownTimeout (25 s)
            // and the pod's terminationGracePeriodSeconds.
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(Math.Clamp(consumerStopSeconds, 0.1, 18));
            o.StopTimeout = TimeSpan.FromSeconds(20);
        });
        return builder;
    }

    /// <summary>True when the process talks to RabbitMQ rather than the in-memory bus.</summary>
    public static bool UsesRabbitMq(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(BusOptions.RabbitMqConnectionName));

    /// <summary>
    /// Declares both durable queues and their bindings from every process, so a message published
    /// before its consumer ever started is queued rather than dropped by an unbound exchange.
    /// Arguments must match the consumers' own declarations exactly.
    /// </summary>
    /// <summary>
    /// Messages as compact JSON. MassTransit indents its envelope by default, which for a job of large arrays (a
    /// 2048×2048 frame, its 4M-value result) about doubles the message, every copy of it in memory, and the result
    /// Results stores and serves (issue 14, row 5).
    /// </summary>
    private static void UseCompactJson(this IBusFactoryConfigurator cfg) =>
        cfg.ConfigureJsonSerializerOptions(options =>
        {
            options.WriteIndented = false;
            return options;
        });

    public static void DeclarePrismTopology(this IRabbitMqBusFactoryConfigurator cfg)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        cfg.Publish<JobSubmitted>(p =>
        {
            p.BindQueue(ExchangeOf<JobSubmitted>(cfg), QueueNames.Jobs, q => q.EnablePriority(QueueNames.MaxPriority));
            p.BindQueue(ExchangeOf<JobSubmitted>(cfg), QueueNames.Results);
        });
        cfg.Publish<JobStarted>(p => p.BindQueue(ExchangeOf<JobStarted>(cfg), QueueNames.Results));
        cfg.Publish<JobCompleted>(p => p.BindQueue(ExchangeOf<JobCompleted>(cfg), QueueNames.Results));
        cfg.Publish<JobFailed>(p => p.BindQueue(ExchangeOf<JobFailed>(cfg), QueueNames.Results));
        cfg.Publish<JobCancelled>(p => p.BindQueue(ExchangeOf<JobCancelled>(cfg), QueueNames.Results));
        cfg.Publish<CancelJob>(p => p.BindQueue(ExchangeOf<CancelJob>(cfg), QueueNames.Results));
        cfg.Publish<Fault<JobSubmitted>>(p => p.BindQueue(ExchangeOf<Fault<JobSubmitted>>(cfg), QueueNames.Results));
    }

    private static string ExchangeOf<T>(IRabbitMqBusFactoryConfigurator cfg) where T : class =>
        cfg.MessageTopology.GetMessageTopology<T>().EntityName;

    private static List<Action<IBusRegistrationConfigurator>> Contributions(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(ContributionsKey, out var value))
        {
            builder.Properties[ContributionsKey] = value = new List<Action<IBusRegistrationConfigurator>>();
        }
        return (List<Action<IBusRegistrationConfigurator>>)value;
    }
}
