using System.Net;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Validation;

namespace Prism.ClientTests.Sdk;

/// <summary>Live processors and domain health from a real Standalone.</summary>
public sealed class When_inspecting_processors_and_health(StandaloneFixture standalone)
{
    [Fact]
    public async Task Every_domain_reports_its_own_kinds_and_is_unavailable_exactly_when_no_processor_serves_it()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        foreach (var (domain, kinds) in JobKindCatalog.BuiltIn.ByDomain)
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

        var processor = Assert.Single(processors);
        Assert.Equal("cpu", processor.Engine);
        Assert.True(processor.MemoryBytes > 0);
        Assert.Superset(JobKindCatalog.BuiltIn.Names.ToHashSet(), processor.Kinds.ToHashSet());
        Assert.InRange(processor.LastSeen, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_served_domain_is_healthy_with_the_latencies_of_its_jobs()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var receipt = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        await handle.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);

        // Job figures may be a couple of seconds old (DomainHealth.CacheFor).
        var pixels = await UntilAsync(() => handle.Client.GetDomainHealthAsync("pixels", ct), h => h.Processors > 0 && h.Jobs >= 1, ct);

        Assert.Equal("healthy", pixels.Status);
        Assert.True(pixels.Jobs >= 1);
        Assert.NotNull(pixels.P50Ms);
        Assert.True(pixels.P95Ms >= pixels.P50Ms);
    }

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
