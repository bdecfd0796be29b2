using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;
using Prism.Processor.Jobs;

namespace Prism.IntegrationTests.Api;

/// <summary>
/// Fair sharing: tenant A's backlog of long jobs delays tenant B's tiny job by at most one of A's job
/// times — B's job goes next when A's running job ends, not after A's whole queue.
/// </summary>
public sealed class When_tenants_share_the_compute_slots(ProcessorFactory factory) : IClassFixture<ProcessorFactory>
{
    private const int Backlog = 5;

    private static readonly CancellationToken SoFar = new(canceled: true);

    private static JobSubmitted Job(string tenant, object input) => new()
    {
        JobId = Guid.NewGuid(),
        Kind = JobKinds.PixelsEntropy,
        Input = JsonSerializer.SerializeToElement(input),
        SubmittedAt = DateTimeOffset.UtcNow,
        TenantId = tenant,
    };

    private static JobSubmitted LongJob(int seed)
    {
        const int side = 512;
        var random = new Random(seed);
        return Job("tenant-a", new { width = side, height = side, pixels = Enumerable.Range(0, side * side).Select(_ => random.Next(0, 65536)).ToArray(), window = 63, bins = 256 });
    }

    [Fact]
    public async Task Another_tenants_backlog_delays_a_job_by_at_most_one_running_job()
    {
        var harness = factory.Services.GetRequiredService<ITestHarness>();
        var gate = factory.Services.GetRequiredService<PriorityGate>();
        var backlog = Enumerable.Range(0, Backlog).Select(LongJob).ToArray();
        var tiny = Job("tenant-b", new { width = 2, height = 2, pixels = new[] { 0, 1, 2, 3 }, window = 3, bins = 4 });
        DateTimeOffset released;
        // The test holds the only slot while A's backlog and then B's job arrive, so all of them wait in
        // the gate however long publishing takes; then they compete for the slot as a backlog would.
        using (await gate.EnterAsync(QueueNames.MaxPriority, TestContext.Current.CancellationToken))
        {
            foreach (var job in backlog) await harness.Bus.Publish(job, TestContext.Current.CancellationToken);
            Assert.True(await Eventually.True(() => gate.Waiting == Backlog, 60), $"{gate.Waiting} waiting; expected {Backlog}.");
            await harness.Bus.Publish(tiny, TestContext.Current.CancellationToken);
            Assert.True(await Eventually.True(() => gate.Waiting == Backlog + 1, 60), $"{gate.Waiting} waiting; expected {Backlog + 1}.");
            released = DateTimeOffset.UtcNow;
        }

        Assert.True(await Eventually.True(() => backlog.Append(tiny).All(j => harness.Published.Select<JobCompleted>(SoFar).Any(m => m.Context.Message.JobId == j.JobId)), 120), "Not every job completed.");
        var completed = harness.Published.Select<JobCompleted>(SoFar).Select(m => m.Context.Message).ToList();
        var longest = TimeSpan.FromMilliseconds(completed.Where(m => backlog.Any(j => j.JobId == m.JobId)).Max(m => m.ComputeMs));
        var waited = completed.Single(m => m.JobId == tiny.JobId).StartedAt - released;
        var aheadOfB = completed.Count(m => backlog.Any(j => j.JobId == m.JobId) && m.StartedAt < completed.Single(c => c.JobId == tiny.JobId).StartedAt);
        Measurements.Report($"fair sharing: tenant B's tiny job waited {waited.TotalMilliseconds:F0} ms behind tenant A's {Backlog}-job backlog " +
            $"({waited / longest:F2} × A's longest job of {longest.TotalMilliseconds:F0} ms; {aheadOfB} of A's jobs started before it); limit 1 job + 250 ms");

        Assert.Equal(1, aheadOfB);
        Assert.True(waited <= longest + TimeSpan.FromMilliseconds(250), $"B waited {waited.TotalMilliseconds:F0} ms, more than one of A's jobs ({longest.TotalMilliseconds:F0} ms).");
    }
}
