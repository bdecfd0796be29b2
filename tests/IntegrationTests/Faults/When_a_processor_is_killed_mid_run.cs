using System.Diagnostics;
using Prism.IntegrationTests.Faults.Rig;

namespace Prism.IntegrationTests.Faults;

/// <summary>
/// Two processors share a 2,000-job run; one is killed with SIGKILL while it holds jobs. Its
/// unacknowledged deliveries go back to the queue and the survivor finishes them.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class When_a_processor_is_killed_mid_run(FaultRig rig)
{
    private const int Jobs = 2000;

    [Fact]
    public async Task Every_job_ends_succeeded_exactly_once()
    {
        rig.Require();
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 2);
        using var ingest = pipeline.Ingest.CreateClient();
        var ledger = pipeline.Ledger;
        var start = Stopwatch.GetTimestamp();

        var load = new Load(ingest, batchSize: 100);
        var submitting = load.SubmitAsync(Jobs, concurrency: 2, TestContext.Current.CancellationToken);
        Assert.True(await ledger.WaitSucceededAsync(Jobs / 4, TimeSpan.FromSeconds(120)), "A quarter of the jobs did not succeed in time.\n" + pipeline.Tails());
        pipeline.Processors[0].Kill();
        var succeededAtKill = await ledger.SucceededAsync();
        await submitting;

        Assert.Empty(load.Errors);
        Assert.Equal(Jobs, load.Accepted.Count);
        Assert.True(succeededAtKill < Jobs, $"The kill came after the run ended ({succeededAtKill} succeeded), so it proved nothing.");
        var finished = await ledger.WaitSucceededAsync(Jobs, TimeSpan.FromSeconds(240));
        var audit = await ledger.AuditAsync(load.Accepted);
        var seconds = Load.Seconds(start);
        Measurements.Report($"fault kill -9: {Jobs} jobs, 2 processors, 1 SIGKILL at {succeededAtKill} succeeded; {audit}; {seconds:F1} s");

        Assert.True(finished, $"Not every job succeeded: {audit}\n{pipeline.Tails()}");
        Assert.Empty(audit.Lost);
        Assert.Empty(audit.Duplicated);
        Assert.Equal(0, audit.Unexpected);
    }
}
