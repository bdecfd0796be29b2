using System.Diagnostics;
using Prism.Contracts;
using Prism.IntegrationTests.Faults.Rig;

namespace Prism.IntegrationTests.Faults;

/// <summary>
/// Results is stopped (SIGTERM) while the processor keeps completing jobs, then started again: the
/// outcomes wait in its durable queue meanwhile and are all recorded once it is back.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class When_results_is_stopped_while_jobs_complete(FaultRig rig)
{
    private const int Jobs = 300;

    [Fact]
    public async Task Every_outcome_is_recorded_after_it_starts_again()
    {
        rig.Require();
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 1);
        using var ingest = pipeline.Ingest.CreateClient();
        var ledger = pipeline.Ledger;
        var start = Stopwatch.GetTimestamp();

        var load = new Load(ingest, batchSize: 50);
        var submitting = load.SubmitAsync(Jobs, concurrency: 2, TestContext.Current.CancellationToken);
        Assert.True(await ledger.WaitSucceededAsync(50, TimeSpan.FromSeconds(90)), "The run did not get going.\n" + pipeline.Tails());

        var exitCode = await pipeline.Results.TerminateAsync(TimeSpan.FromSeconds(40));
        var recordedAtStop = await ledger.SucceededAsync();
        await submitting;
        // Outcomes pile up in prism-results while nobody consumes it: proof they waited rather than vanished.
        var waiting = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (waiting < 100 && DateTime.UtcNow < deadline) waiting = await rig.Broker.MessagesInAsync(pipeline.VirtualHost, QueueNames.Results);

        pipeline.Results = await pipeline.Results.StartAgainAsync();
        var finished = await ledger.WaitSucceededAsync(Jobs, TimeSpan.FromSeconds(180));
        var audit = await ledger.AuditAsync(load.Accepted);
        Measurements.Report($"fault Results stop/start: {Jobs} jobs, Results stopped at {recordedAtStop} recorded, {waiting} events waiting in {QueueNames.Results}; {audit}; {Load.Seconds(start):F1} s");

        Assert.Equal(0, exitCode);
        Assert.Empty(load.Errors);
        Assert.Equal(Jobs, load.Accepted.Count);
        Assert.True(waiting >= 100, $"Only {waiting} events waited in {QueueNames.Results} while Results was down.");
        Assert.True(finished, $"Not every outcome was recorded: {audit}\n{pipeline.Tails()}");
        Assert.Empty(audit.Lost);
        Assert.Empty(audit.Duplicated);
    }
}
