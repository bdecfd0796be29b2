using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Prism.Contracts;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>
/// Every Prism and platform metric the alert rules and the Grafana dashboard query is really exported
/// by the running services (RabbitMQ's own rabbitmq_* metrics come from the broker's plugin).
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed partial class When_scraping_each_running_service(RabbitMqService rabbit, PostgresService postgres)
{
    [Fact]
    public async Task Every_metric_the_alerts_and_dashboard_use_is_exported()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__rabbitmq"] = await rabbit.CreateVirtualHostAsync(),
            ["ConnectionStrings__results"] = await postgres.CreateDatabaseAsync(),
            ["Processor__Engine"] = "cpu",
        };
        await using var results = await ServiceProcess.StartAsync("Results", environment);
        await using var processor = await ServiceProcess.StartAsync("Processor", environment);
        await using var ingest = await ServiceProcess.StartAsync("Ingest", environment);
        using var ingestClient = ingest.CreateClient();
        using var resultsClient = results.CreateClient();

        // One success, one rejection, one failure by code: every labelled series exists at least once.
        var ok = await LifecycleScenarios.SubmitAsync(ingestClient, "/api/v1/pixels/entropy", """{"width":2,"height":2,"pixels":[1,2,3,4]}""");
        using (await ingestClient.PostAsync("/api/v1/pixels/entropy", new StringContent("{}", Encoding.UTF8, "application/json"))) { }
        var failing = await LifecycleScenarios.SubmitAsync(ingestClient, "/api/v1/timeseries/forecast", """{"series":[[1,1,1,1,1,1,1,1]],"order":1,"horizon":2}""");
        Assert.Equal(JobStatus.Succeeded, (await LifecycleScenarios.WaitAsync(resultsClient, ok)).Status);
        Assert.Equal(JobStatus.Failed, (await LifecycleScenarios.WaitAsync(resultsClient, failing)).Status);

        var exported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in new[] { ingest, processor, results })
        {
            using var client = service.CreateClient();
            var text = await client.GetStringAsync("/metrics");
            foreach (Match m in MetricLine().Matches(text)) exported.Add(m.Groups[1].Value);
        }

        var root = Repository.Root;
        var used = new[] { Path.Combine(root, "deploy", "prometheus", "alerts.yml") }
            .Concat(Directory.GetFiles(Path.Combine(root, "deploy", "grafana", "dashboards"), "*.json"))
            .SelectMany(f => UsedMetric().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        var missing = used.Where(name => !exported.Contains(name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Used by alerts/dashboard but not exported: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{| )", RegexOptions.Multiline)]
    private static partial Regex MetricLine();

    [GeneratedRegex(@"\b(?:prism|http_server|dotnet|process)_[a-z0-9_]+\b")]
    private static partial Regex UsedMetric();
}
