using System.Diagnostics;
using System.Net;
using Prism.Contracts;
using Prism.IntegrationTests.Faults.Rig;

namespace Prism.IntegrationTests.Faults;

/// <summary>
/// The results database is stopped and started again while outcomes stream in. Results reports
/// not-ready while it is gone, keeps its process, and records every outcome once it is back.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class When_PostgreSQL_restarts_under_load(FaultRig rig)
{
    private const int Jobs = 400;

    [Fact]
    public async Task No_outcome_is_lost()
    {
        rig.Require();
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 1);
        using var ingest = pipeline.Ingest.CreateClient();
        var ledger = pipeline.Ledger;
        var start = Stopwatch.GetTimestamp();

        var load = new Load(ingest, batchSize: 50);
        var submitting = load.SubmitAsync(Jobs, concurrency: 2, TestContext.Current.CancellationToken);
        Assert.True(await ledger.WaitSucceededAsync(100, TimeSpan.FromSeconds(90)), "The run did not get going.\n" + pipeline.Tails());

        await rig.Database.StopAsync();
        var down = Stopwatch.GetTimestamp();
        var (notReady, health) = await pipeline.Results.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        // Keep it down until outcomes pile up behind it, so the restart meets real in-flight writes.
        var held = 0;
        while (held < 50 && Load.Seconds(down) < 30) held = await rig.Broker.MessagesInAsync(pipeline.VirtualHost, QueueNames.Results);
        var outage = Load.Seconds(down);
        await rig.Database.StartAsync();
        await pipeline.Results.WaitReadyAsync(TimeSpan.FromSeconds(60));
        await submitting;

        var finished = await ledger.WaitSucceededAsync(Jobs, TimeSpan.FromSeconds(180));
        var audit = await ledger.AuditAsync(load.Accepted);
        Measurements.Report($"fault PostgreSQL restart: {Jobs} jobs, 1 database restart ({outage:F1} s down, {held} events held in {QueueNames.Results}); {audit}; {Load.Seconds(start):F1} s");

        Assert.True(notReady, $"Results still reported ready with its database down: {health}");
        Assert.False(pipeline.Results.HasExited, "Results exited instead of waiting for its database.\n" + pipeline.Results.OutputTail);
        Assert.Empty(load.Errors);
        Assert.Equal(Jobs, load.Accepted.Count);
        Assert.True(finished, $"Not every outcome was recorded: {audit}\n{pipeline.Tails()}");
        Assert.Empty(audit.Lost);
        Assert.Empty(audit.Duplicated);
    }
}
