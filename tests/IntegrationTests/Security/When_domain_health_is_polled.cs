using System.Net;
using System.Text.Json;
using Prism.Contracts;
using Prism.Results.Storage;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// <c>GET /api/v1/{domain}/health</c> with many jobs in the window: any key with read rights may call it
/// 100 times a second, so its cost per call must not grow with the number of jobs. Standalone runs over a
/// store seeded with <see cref="Jobs"/> finished jobs; the CPU the process spends per call is measured.
/// </summary>
public sealed class When_domain_health_is_polled : IAsyncLifetime
{
    private const int Jobs = 20_000;
    private const int Calls = 40;
    private static readonly TimeSpan CpuPerCallLimit = TimeSpan.FromMilliseconds(5);

    private readonly string _directory = Directory.CreateTempSubdirectory("prism-health-").FullName;
    private ServiceProcess? _standalone;

    public async ValueTask InitializeAsync()
    {
        var connectionString = $"Data Source={Path.Combine(_directory, "prism.db")}";
        using (var store = new SqliteResultStore(connectionString))
        {
            await store.InitializeAsync(CancellationToken.None);
            var now = DateTimeOffset.UtcNow;
            for (var batch = 0; batch < Jobs / 1000; batch++)
            {
                var updates = Enumerable.Range(0, 1000).Select(i => new JobRecordUpdate
                {
                    JobId = Guid.CreateVersion7(), Kind = JobKinds.PixelsEntropy, Status = i % 20 == 0 ? JobStatus.Failed : JobStatus.Succeeded,
                    SubmittedAt = now.AddSeconds(-60).AddMilliseconds(-i), StartedAt = now.AddSeconds(-59), CompletedAt = now.AddSeconds(-30),
                    TenantId = i % 2 == 0 ? "tenant-a" : "tenant-b", ResultJson = i % 20 == 0 ? null : "{}",
                    ErrorCode = i % 20 == 0 ? "processing_failed" : null, ErrorMessage = i % 20 == 0 ? "failed" : null,
                }).ToList();
                await store.ApplyManyAsync(updates, CancellationToken.None);
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _standalone = await ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
        {
            ["ConnectionStrings__results"] = connectionString,
            ["Processor__Engine"] = "cpu",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_standalone is not null) await _standalone.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Its_CPU_cost_per_call_does_not_grow_with_the_jobs_in_the_window()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _standalone!.CreateClient();
        using (var first = await client.GetAsync("/api/v1/pixels/health", ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var view = JsonDocument.Parse(await first.Content.ReadAsStringAsync(ct)).RootElement;
            Assert.Equal(Jobs, view.GetProperty("jobs").GetInt32());
        }

        var before = _standalone.CpuTime();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            using var response = await client.GetAsync("/api/v1/pixels/health", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var perCall = (_standalone.CpuTime() - before) / Calls;

        Measurements.Report($"domain-health jobs-in-window={Jobs} calls={Calls} cpu-per-call-ms={perCall.TotalMilliseconds:F2} wall-per-call-ms={clock.Elapsed.TotalMilliseconds / Calls:F2} limit-ms={CpuPerCallLimit.TotalMilliseconds}");
        Assert.True(perCall < CpuPerCallLimit, $"Domain health cost {perCall.TotalMilliseconds:F1} ms of CPU per call with {Jobs} jobs in the window (limit {CpuPerCallLimit.TotalMilliseconds} ms).");
    }
}
