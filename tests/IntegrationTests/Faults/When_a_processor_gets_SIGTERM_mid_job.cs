using System.Net;
using System.Net.Http.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Faults.Rig;

namespace Prism.IntegrationTests.Faults;

/// <summary>
/// Graceful shutdown: on SIGTERM a processor stops taking jobs, lets the one it computes finish within
/// <c>Bus:ConsumerStopSeconds</c>, and hands back to the queue what it could not finish in time.
/// Either way the job ends succeeded exactly once.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class When_a_processor_gets_SIGTERM_mid_job(FaultRig rig)
{
    [Fact]
    public async Task The_running_job_finishes_before_the_process_exits()
    {
        rig.Require();
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 1);
        using var ingest = pipeline.Ingest.CreateClient();
        var jobId = await SubmitAsync(ingest, await BudgetForAsync(ingest, pipeline.Ledger, seconds: 3));
        Assert.NotNull(await pipeline.Ledger.WaitJobAsync(jobId, s => s == JobStatus.Running, TimeSpan.FromSeconds(60)));

        var signalled = DateTimeOffset.UtcNow;
        var exitCode = await pipeline.Processors[0].TerminateAsync(TimeSpan.FromSeconds(40));
        var row = await pipeline.Ledger.WaitJobAsync(jobId, JobStatus.IsTerminal, TimeSpan.FromSeconds(30));
        Measurements.Report($"fault SIGTERM (finish): a {row?.ComputeMs:F0} ms job, SIGTERM while it ran; it ended {row?.Status} on {row?.ProcessorId}, completed events {row?.Completions}, processor exit code {exitCode}");

        Assert.Equal(0, exitCode);
        Assert.NotNull(row);
        Assert.Equal(JobStatus.Succeeded, row.Status);
        Assert.Equal("p1", row.ProcessorId);
        Assert.True(row.CompletedAt > signalled.AddMilliseconds(-1), $"The job completed at {row.CompletedAt:O}, before the SIGTERM at {signalled:O}: the test proved nothing.");
        Assert.Equal(1, row.Completions);
    }

    [Fact]
    public async Task A_job_that_outlasts_the_grace_is_handed_back_and_finished_by_another_processor()
    {
        rig.Require();
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 1, new Dictionary<string, string> { ["Bus__ConsumerStopSeconds"] = "1" });
        using var ingest = pipeline.Ingest.CreateClient();
        var jobId = await SubmitAsync(ingest, await BudgetForAsync(ingest, pipeline.Ledger, seconds: 8));
        Assert.NotNull(await pipeline.Ledger.WaitJobAsync(jobId, s => s == JobStatus.Running, TimeSpan.FromSeconds(60)));

        var exitCode = await pipeline.Processors[0].TerminateAsync(TimeSpan.FromSeconds(40));
        var afterExit = await pipeline.Ledger.JobAsync(jobId);
        var handedBack = await rig.Broker.MessagesInAsync(pipeline.VirtualHost, QueueNames.Jobs);
        pipeline.Processors.Add(await pipeline.StartProcessorAsync("p2"));
        var row = await pipeline.Ledger.WaitJobAsync(jobId, JobStatus.IsTerminal, TimeSpan.FromSeconds(90));
        Measurements.Report($"fault SIGTERM (hand back): job still {afterExit?.Status} when p1 exited (code {exitCode}), {handedBack} in {QueueNames.Jobs}; it ended {row?.Status} on {row?.ProcessorId} after {row?.ComputeMs:F0} ms, completed events {row?.Completions}");

        Assert.Equal(0, exitCode);
        Assert.Equal(JobStatus.Running, afterExit?.Status);
        Assert.Equal(1, handedBack);
        Assert.NotNull(row);
        Assert.True(row.Status == JobStatus.Succeeded, $"The job ended {row.Status}.\n{pipeline.Tails()}");
        Assert.Equal("p2", row.ProcessorId);
        Assert.Equal(1, row.Completions);
    }

    /// <summary>
    /// The Grötzsch graph: triangle-free, so the clique bound is 2, yet it needs 4 colours — the tabu
    /// search for 3 never succeeds and runs its whole budget, which makes the job's length a dial.
    /// </summary>
    private static object GrotzschJob((int Attempts, int Iterations) budget)
    {
        var edges = new List<int[]>();
        for (var i = 0; i < 5; i++)
        {
            edges.Add([i, (i + 1) % 5]);
            edges.Add([5 + i, (i + 4) % 5]);
            edges.Add([5 + i, (i + 1) % 5]);
            edges.Add([10, 5 + i]);
        }
        return new { vertexCount = 11, edges, attempts = budget.Attempts, iterations = budget.Iterations, seed = 1 };
    }

    private static async Task<Guid> SubmitAsync(HttpClient ingest, (int Attempts, int Iterations) budget)
    {
        using var response = await ingest.PostAsJsonAsync("/api/v1/graph/color", GrotzschJob(budget), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JobReceipt>(PrismJson.Options, TestContext.Current.CancellationToken))!.JobId;
    }

    /// <summary>
    /// Times a small job on this machine and scales its budget to last about <paramref name="seconds"/>:
    /// iterations first (at most 5 M), then pairs of attempts (they run two at a time). The probe runs
    /// twice and the faster run counts: the first is the processor's first colouring, run partly by
    /// unoptimised (tier-0) code, and scaling from it gave jobs a third as long as asked for.
    /// </summary>
    private static async Task<(int Attempts, int Iterations)> BudgetForAsync(HttpClient ingest, Ledger ledger, double seconds)
    {
        const int probe = 200_000;
        const int maxIterations = 5_000_000;
        var fastestMs = double.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var jobId = await SubmitAsync(ingest, (2, probe));
            var row = await ledger.WaitJobAsync(jobId, JobStatus.IsTerminal, TimeSpan.FromSeconds(60));
            var computeMs = row?.Status == JobStatus.Succeeded ? row.ComputeMs : null;
            Assert.True(computeMs is not null, $"The probe job ended {row?.Status}.");
            fastestMs = Math.Min(fastestMs, computeMs.Value);
        }
        var units = probe / Math.Max(1, fastestMs) * seconds * 1000;
        if (units <= maxIterations) return (2, (int)Math.Max(probe, units));
        return ((int)Math.Min(20, 2 * Math.Ceiling(units / maxIterations)), maxIterations);
    }
}
