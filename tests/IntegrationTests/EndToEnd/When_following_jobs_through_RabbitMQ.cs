using System.Net.Http.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>
/// The job lifecycle over three real processes (Ingest, Processor with one compute slot, Results), RabbitMQ
/// and PostgreSQL: the same scenarios as on Standalone, plus processor liveness.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_following_jobs_through_RabbitMQ(RabbitMqService rabbit, PostgresService postgres)
{
    private async Task<Dictionary<string, string>> EnvironmentAsync() => new()
    {
        ["ConnectionStrings__rabbitmq"] = await rabbit.CreateVirtualHostAsync(),
        // Results' store, and Ingest's Idempotency-Key store (PostgreSQL whenever this is a PostgreSQL database).
        ["ConnectionStrings__results"] = await postgres.CreateDatabaseAsync(),
        ["Processor__Engine"] = "cpu",
        // One slot and no dynamic batching: these scenarios watch jobs wait and start one by one (a batch
        // starts and finishes its jobs together; batching has its own tests in UnitTests/Jobs).
        ["Processor__MaxConcurrentJobs"] = "1",
        ["Processor__MaxBatchSize"] = "1",
        ["Processor__HeartbeatSeconds"] = "1",
        ["Results__ProcessorTimeoutSeconds"] = "4",
    };

    /// <summary>Starts the three services; each answers /health/ready only once its queues are consumed.</summary>
    private async Task RunAsync(Func<HttpClient, HttpClient, Task> scenario)
    {
        var environment = await EnvironmentAsync();
        await using var results = await ServiceProcess.StartAsync("Results", environment);
        await using var processor = await ServiceProcess.StartAsync("Processor", environment);
        await using var ingest = await ServiceProcess.StartAsync("Ingest", environment);
        using var ingestClient = ingest.CreateClient();
        using var resultsClient = results.CreateClient();
        try
        {
            await scenario(ingestClient, resultsClient);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                $"{ex.Message}\n--- Results ---\n{results.OutputTail}\n--- Processor ---\n{processor.OutputTail}\n--- Ingest ---\n{ingest.OutputTail}", ex);
        }
    }

    [Fact]
    public Task Sse_resumes_with_exactly_the_missed_events() => RunAsync(LifecycleScenarios.SseResumesWithExactlyTheMissedEventsAsync);

    [Fact]
    public Task WebSocket_delivers_only_the_subscribed_kind() => RunAsync(LifecycleScenarios.WebSocketDeliversOnlyTheSubscribedKindAsync);

    [Fact]
    public Task Cancelling_a_finished_job_is_a_conflict() => RunAsync(LifecycleScenarios.CancellingAFinishedJobIsAConflictAsync);

    [Fact]
    public Task Cancelling_a_queued_job_means_it_never_runs() => RunAsync(LifecycleScenarios.CancellingAQueuedJobMeansItNeverRunsAsync);

    [Fact]
    public Task Cancelling_a_running_job_stops_it() => RunAsync(LifecycleScenarios.CancellingARunningJobStopsItAsync);

    [Fact]
    public Task A_job_queued_past_its_deadline_fails_without_running() => RunAsync(LifecycleScenarios.AJobQueuedPastItsDeadlineFailsWithoutRunningAsync);

    [Fact]
    public Task A_high_priority_job_overtakes_a_flood() => RunAsync(LifecycleScenarios.AHighPriorityJobOvertakesAFloodAsync);

    [Fact]
    public Task One_idempotency_key_makes_one_job() => RunAsync(LifecycleScenarios.OneIdempotencyKeyMakesOneJobAsync);

    [Fact]
    public Task Batches_are_all_or_nothing_within_the_limit() => RunAsync(LifecycleScenarios.BatchesAreAllOrNothingWithinTheLimitAsync);

    [Fact]
    public async Task Domain_health_follows_the_only_processor_going_away_and_coming_back()
    {
        var environment = await EnvironmentAsync();
        await using var results = await ServiceProcess.StartAsync("Results", environment);
        using var client = results.CreateClient();
        await WaitForHealthAsync(client, "unavailable");

        var processor = await ServiceProcess.StartAsync("Processor", environment);
        var healthy = await WaitForHealthAsync(client, "healthy");
        Assert.Equal(1, healthy.Processors);
        var listed = Assert.Single((await client.GetFromJsonAsync<ProcessorView[]>("/api/v1/processors", PrismJson.Options))!);
        Assert.Equal("cpu", listed.Engine);
        Assert.Contains(JobKinds.PixelsEntropy, listed.Kinds);

        processor.Kill(); // no goodbye heartbeat: Results must notice the silence
        await processor.DisposeAsync();
        var gone = await WaitForHealthAsync(client, "unavailable");
        Assert.Contains("No live processor", gone.Reason, StringComparison.Ordinal);

        await using var again = await ServiceProcess.StartAsync("Processor", environment);
        await WaitForHealthAsync(client, "healthy");
    }

    private static async Task<DomainHealthView> WaitForHealthAsync(HttpClient client, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        DomainHealthView? view;
        do
        {
            view = await client.GetFromJsonAsync<DomainHealthView>("/api/v1/pixels/health", PrismJson.Options);
            if (view!.Status == status) return view;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"pixels health stayed {view.Status}, expected {status}.");
    }
}
