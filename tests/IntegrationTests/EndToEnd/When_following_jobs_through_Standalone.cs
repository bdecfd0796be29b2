namespace Prism.IntegrationTests.EndToEnd;

/// <summary>The job lifecycle as a client sees it, on Standalone as a real process with one compute slot.</summary>
public sealed class When_following_jobs_through_Standalone : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-lifecycle-").FullName;
    private ServiceProcess? _standalone;
    private HttpClient Client => field ??= _standalone!.CreateClient();

    public async ValueTask InitializeAsync() =>
        _standalone = await ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
        {
            ["ConnectionStrings__results"] = $"Data Source={Path.Combine(_directory, "prism.db")}",
            ["Processor__Engine"] = "cpu",
            // One slot and no dynamic batching: these scenarios watch jobs wait and start one by one (a batch
            // starts and finishes its jobs together; batching has its own tests in UnitTests/Jobs).
            ["Processor__MaxConcurrentJobs"] = "1",
            ["Processor__MaxBatchSize"] = "1",
        });

    [Fact]
    public Task Sse_resumes_with_exactly_the_missed_events() => LifecycleScenarios.SseResumesWithExactlyTheMissedEventsAsync(Client, Client);

    [Fact]
    public Task WebSocket_delivers_only_the_subscribed_kind() => LifecycleScenarios.WebSocketDeliversOnlyTheSubscribedKindAsync(Client, Client);

    [Fact]
    public Task Cancelling_a_finished_job_is_a_conflict() => LifecycleScenarios.CancellingAFinishedJobIsAConflictAsync(Client, Client);

    [Fact]
    public Task Cancelling_a_queued_job_means_it_never_runs() => LifecycleScenarios.CancellingAQueuedJobMeansItNeverRunsAsync(Client, Client);

    [Fact]
    public Task Cancelling_a_running_job_stops_it() => LifecycleScenarios.CancellingARunningJobStopsItAsync(Client, Client);

    [Fact]
    public Task A_job_queued_past_its_deadline_fails_without_running() => LifecycleScenarios.AJobQueuedPastItsDeadlineFailsWithoutRunningAsync(Client, Client);

    [Fact]
    public Task A_high_priority_job_overtakes_a_flood() => LifecycleScenarios.AHighPriorityJobOvertakesAFloodAsync(Client, Client);

    [Fact]
    public Task One_idempotency_key_makes_one_job() => LifecycleScenarios.OneIdempotencyKeyMakesOneJobAsync(Client, Client);

    [Fact]
    public Task Batches_are_all_or_nothing_within_the_limit() => LifecycleScenarios.BatchesAreAllOrNothingWithinTheLimitAsync(Client, Client);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_standalone is not null) await _standalone.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
