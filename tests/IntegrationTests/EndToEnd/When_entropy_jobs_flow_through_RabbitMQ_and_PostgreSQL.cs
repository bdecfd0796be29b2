using Prism.Contracts;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>Ingest, Processor and Results as three real processes over a real RabbitMQ and PostgreSQL.</summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_entropy_jobs_flow_through_RabbitMQ_and_PostgreSQL(RabbitMqService rabbit, PostgresService postgres)
{
    [Fact]
    public async Task Every_one_of_200_jobs_succeeds_once_with_the_reference_result()
    {
        rabbit.Require();
        postgres.Require();
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

        var outcome = await EntropyJobDriver.RunAsync(ingestClient, resultsClient, jobs: 200, concurrency: 16, seed: 2026);

        Assert.True(outcome.Problems.Count == 0, string.Join('\n', outcome.Problems.Take(10)) + $"\n--- processor:\n{processor.OutputTail}");
        var recorded = await EntropyJobDriver.ListAllAsync(resultsClient);
        Assert.Equal(200, recorded.Count);
        Assert.Equal(200, recorded.Select(j => j.JobId).Distinct().Count());
        Assert.All(recorded, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Measurements.Report($"e2e RabbitMQ+PostgreSQL: {outcome.Jobs} entropy jobs (64x48) in {outcome.Seconds:F2} s = {outcome.JobsPerSecond:F1} jobs/s, submit->result p50 {outcome.P50Ms:F0} ms p95 {outcome.P95Ms:F0} ms (concurrency 16)");
    }
}
