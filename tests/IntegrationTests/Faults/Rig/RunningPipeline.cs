namespace Prism.IntegrationTests.Faults.Rig;

/// <summary>
/// Results, N processors and Ingest as real processes on a fresh virtual host of the rig's broker and
/// a fresh database of its PostgreSQL. Processors are named <c>p1</c>, <c>p2</c>, … in events.
/// </summary>
public sealed class RunningPipeline : IAsyncDisposable
{
    private RunningPipeline(Dictionary<string, string> environment, string database, string virtualHost)
    {
        Environment = environment;
        Database = database;
        VirtualHost = virtualHost;
    }

    public Dictionary<string, string> Environment { get; }
    public string Database { get; }
    public string VirtualHost { get; }
    public ServiceProcess Results { get; set; } = null!;
    public ServiceProcess Ingest { get; private set; } = null!;
    public List<ServiceProcess> Processors { get; } = [];
    public Ledger Ledger => new(Database);

    public static async Task<RunningPipeline> StartAsync(FaultRig rig, int processors, IReadOnlyDictionary<string, string>? settings = null)
    {
        await Task.WhenAll(rig.Broker.EnsureRunningAsync(), rig.Database.EnsureRunningAsync());
        var virtualHost = await rig.Broker.CreateVirtualHostAsync();
        var database = await rig.Database.CreateDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__rabbitmq"] = virtualHost,
            ["ConnectionStrings__results"] = database,
            ["Processor__Engine"] = "cpu",
            // A refused publish answers 503 after this long rather than the default 10 s.
            ["Ingest__PublishTimeoutSeconds"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;

        var pipeline = new RunningPipeline(environment, database, virtualHost);
        pipeline.Results = await ServiceProcess.StartAsync("Results", environment);
        for (var i = 1; i <= processors; i++) pipeline.Processors.Add(await pipeline.StartProcessorAsync($"p{i}"));
        pipeline.Ingest = await ServiceProcess.StartAsync("Ingest", environment);
        return pipeline;
    }

    public Task<ServiceProcess> StartProcessorAsync(string processorId) =>
        ServiceProcess.StartAsync("Processor", new Dictionary<string, string>(Environment) { ["Processor__ProcessorId"] = processorId });

    /// <summary>The last output of every process, for a failure message.</summary>
    public string Tails() => string.Join('\n', new[] { Results, Ingest }.Concat(Processors).Select(p => $"--- {p.Name} {p.BaseAddress}:\n{p.OutputTail}"));

    public async ValueTask DisposeAsync()
    {
        await Ingest.DisposeAsync();
        foreach (var processor in Processors) await processor.DisposeAsync();
        await Results.DisposeAsync();
    }
}
