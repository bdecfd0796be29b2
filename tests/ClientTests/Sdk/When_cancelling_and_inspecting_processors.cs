using System.Net;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Validation;

namespace Prism.ClientTests.Sdk;

/// <summary>Cancel (202 / 409 / 404), live processors and domain health from a real Standalone.</summary>
public sealed class When_cancelling_and_inspecting_processors(StandaloneFixture standalone)
{
    [Fact]
    public async Task A_job_not_yet_finished_is_cancelled_and_ends_cancelled()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var receipt = await handle.Client.SubmitAsync(Jobs.Slow(seed: 1), cancellationToken: ct);
        var recorded = await Jobs.RecordedAsync(handle.Client, receipt.JobId, ct);
        Assert.False(JobStatus.IsTerminal(recorded.Status), $"the job should still be going, was {recorded.Status}");

        var cancel = await handle.Client.CancelAsync(receipt.JobId, ct);

        Assert.Equal(receipt.JobId, cancel.JobId);
        Assert.Equal($"/api/v1/results/{receipt.JobId}", cancel.Links.Self);
        var job = await handle.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Null(job.Result);
    }

    [Fact]
    public async Task A_finished_job_is_409_and_an_unknown_one_404()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var receipt = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        await handle.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);

        var finished = await Assert.ThrowsAsync<PrismApiException>(() => handle.Client.CancelAsync(receipt.JobId, ct));
        var unknown = await Assert.ThrowsAsync<PrismApiException>(() => handle.Client.CancelAsync(Guid.NewGuid(), ct));

        Assert.Equal(HttpStatusCode.Conflict, finished.Status);
        Assert.Equal("https://prism.dev/problems/conflict", finished.Type);
        Assert.Contains("succeeded", finished.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Every_domain_reports_its_own_kinds_and_is_unavailable_exactly_when_no_processor_serves_it()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        foreach (var (domain, kinds) in JobKinds.ByDomain)
        {
            var health = await handle.Client.GetDomainHealthAsync(domain, ct);

            Assert.Equal(domain, health.Domain);
            Assert.Equal(kinds, health.Kinds);
            Assert.True(health.WindowMinutes > 0);
            Assert.Equal(health.Processors == 0, health.Status == "unavailable");
            Assert.True(health.Failed <= health.Jobs);
        }
        var unknown = await Assert.ThrowsAsync<PrismApiException>(() => handle.Client.GetDomainHealthAsync("nowhere", ct));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task The_standalone_processor_is_listed_with_its_cpu_engine_and_every_kind()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var processors = await UntilAsync(() => handle.Client.ListProcessorsAsync(ct), p => p.Count > 0, ct);
        Assert.SkipWhen(processors.Count == 0, NoHeartbeat);

        var processor = Assert.Single(processors);
        Assert.Equal("cpu", processor.Engine);
        Assert.True(processor.MemoryBytes > 0);
        Assert.Superset(JobKindCatalog.All.Select(k => k.Name).ToHashSet(), processor.Kinds.ToHashSet());
        Assert.InRange(processor.LastSeen, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_served_domain_is_healthy_with_the_latencies_of_its_jobs()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var receipt = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        await handle.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);

        var pixels = await UntilAsync(() => handle.Client.GetDomainHealthAsync("pixels", ct), h => h.Processors > 0, ct);
        Assert.SkipWhen(pixels.Processors == 0, NoHeartbeat);

        Assert.Equal("healthy", pixels.Status);
        Assert.True(pixels.Jobs >= 1);
        Assert.NotNull(pixels.P50Ms);
        Assert.True(pixels.P95Ms >= pixels.P50Ms);
    }

    // Results lists processors from their heartbeats; until the processor publishes them there is nothing to list.
    private const string NoHeartbeat = "No processor heartbeat reached Results within 15 s: the processor does not publish ProcessorHeartbeat yet.";

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(200, ct);
        }
    }
}
