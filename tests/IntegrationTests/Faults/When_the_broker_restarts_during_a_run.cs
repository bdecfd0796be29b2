using System.Diagnostics;
using System.Net;
using System.Text;
using Prism.IntegrationTests.Faults.Rig;

namespace Prism.IntegrationTests.Faults;

/// <summary>
/// RabbitMQ is stopped and started again while jobs are being submitted and computed. While it is
/// down Ingest refuses (503 + Retry-After) instead of accepting and losing, and every service reports
/// not-ready; once it is back, every service reconnects by itself and every accepted job finishes.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class When_the_broker_restarts_during_a_run(FaultRig rig)
{
    [Fact]
    public async Task Ingest_refuses_while_it_is_down_and_every_accepted_job_finishes()
    {
        rig.Require();
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 1);
        using var ingest = pipeline.Ingest.CreateClient();
        var ledger = pipeline.Ledger;
        var start = Stopwatch.GetTimestamp();
        var services = new[] { pipeline.Ingest, pipeline.Results, pipeline.Processors[0] };

        var load = new Load(ingest, batchSize: 10);
        using var stop = new CancellationTokenSource();
        var submitting = load.SubmitUntilAsync(jobsPerSecond: 12, stop.Token);
        Assert.True(await ledger.WaitSucceededAsync(100, TimeSpan.FromSeconds(90)), "The run did not get going.\n" + pipeline.Tails());

        await rig.Broker.StopAsync();
        var acceptedAtStop = load.Accepted.Count;
        using (var body = new StringContent(Load.BatchJson(1, seed: 7)[1..^1], Encoding.UTF8, "application/json"))
        using (var refused = await ingest.PostAsync("/api/v1/jobs", body, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        foreach (var service in services)
        {
            var (notReady, health) = await service.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            Assert.True(notReady, $"{service.Name} still reported ready with the broker down: {health}");
        }

        await rig.Broker.StartAsync();
        foreach (var service in services) await service.WaitReadyAsync(TimeSpan.FromSeconds(90));
        var refusedWhileDown = load.RefusedBatches;
        Assert.True(services.All(s => !s.HasExited), "A service exited instead of reconnecting.\n" + pipeline.Tails());
        var acceptedAtRestart = load.Accepted.Count;
        var resumed = Stopwatch.GetTimestamp();
        while (load.Accepted.Count < acceptedAtRestart + 60 && Load.Seconds(resumed) < 60) await Task.Delay(100, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await submitting;

        var accepted = load.Accepted;
        Assert.True(accepted.Count >= acceptedAtRestart + 60, $"Ingest did not accept jobs again after the broker came back ({accepted.Count} accepted, {acceptedAtRestart} at restart).\n{pipeline.Tails()}");
        var finished = await ledger.WaitSucceededAsync(accepted.Count, TimeSpan.FromSeconds(180));
        var audit = await ledger.AuditAsync(accepted);
        Measurements.Report($"fault RabbitMQ restart: {accepted.Count} jobs accepted ({acceptedAtStop} before the stop), 1 broker restart, {refusedWhileDown} batches refused with 503 while down; {audit}; {Load.Seconds(start):F1} s");

        Assert.Empty(load.Errors);
        Assert.True(refusedWhileDown > 0, "No batch was refused while the broker was down.");
        Assert.True(finished, $"Not every accepted job succeeded: {audit}\n{pipeline.Tails()}");
        Assert.Empty(audit.Lost);
        Assert.Empty(audit.Duplicated);
    }
}
