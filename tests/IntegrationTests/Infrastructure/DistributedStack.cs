namespace Prism.IntegrationTests.Infrastructure;

/// <summary>
/// The README's distributed mode: Ingest, Processor (CPU engine) and Results as real processes over a virtual
/// host and a database of their own. Results starts first, so its queue is consumed before anything is published.
/// </summary>
public sealed class DistributedStack : IAsyncDisposable
{
    private DistributedStack(string broker, ServiceProcess results, ServiceProcess processor, ServiceProcess ingest)
    {
        Broker = broker;
        Results = results;
        Processor = processor;
        Ingest = ingest;
    }

    /// <summary>The stack's amqp:// URI (its own virtual host).</summary>
    public string Broker { get; }
    public ServiceProcess Results { get; }
    public ServiceProcess Processor { get; }
    public ServiceProcess Ingest { get; }

    /// <summary>What each service's output ended with, for failure messages.</summary>
    public string OutputTails => $"--- Results ---\n{Results.OutputTail}\n--- Processor ---\n{Processor.OutputTail}\n--- Ingest ---\n{Ingest.OutputTail}";

    /// <summary>The settings every service of a stack gets: a fresh virtual host and database, the CPU engine.</summary>
    public static async Task<Dictionary<string, string>> EnvironmentAsync(RabbitMqService rabbit, PostgresService postgres)
    {
        rabbit.Require();
        postgres.Require();
        return new()
        {
            ["ConnectionStrings__rabbitmq"] = await rabbit.CreateVirtualHostAsync(),
            ["ConnectionStrings__results"] = await postgres.CreateDatabaseAsync(),
            ["Processor__Engine"] = "cpu",
        };
    }

    public static async Task<DistributedStack> StartAsync(RabbitMqService rabbit, PostgresService postgres)
    {
        var environment = await EnvironmentAsync(rabbit, postgres);
        var results = await ServiceProcess.StartAsync("Results", environment);
        var processor = await ServiceProcess.StartAsync("Processor", environment);
        var ingest = await ServiceProcess.StartAsync("Ingest", environment);
        return new DistributedStack(environment["ConnectionStrings__rabbitmq"], results, processor, ingest);
    }

    public async ValueTask DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Processor.DisposeAsync();
        await Results.DisposeAsync();
    }
}
