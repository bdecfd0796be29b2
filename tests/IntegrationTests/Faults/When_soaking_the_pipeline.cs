using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Prism.Contracts;
using Prism.IntegrationTests.Faults.Rig;

namespace Prism.IntegrationTests.Faults;

/// <summary>
/// A bounded soak: measure what the pipeline sustains here, then run at 70 % of it for
/// <c>$PRISM_SOAK_SECONDS</c> (30 s by default, the short form every test run includes; scripts/soak.sh
/// runs the long one) and compare the start with the end: error rate, submit→recorded latency, memory.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class When_soaking_the_pipeline(FaultRig rig)
{
    private const double Load70 = 0.7;

    [Fact]
    public async Task Every_job_succeeds_at_70_percent_of_capacity_and_the_figures_are_reported()
    {
        rig.Require();
        var soakSeconds = double.Parse(Environment.GetEnvironmentVariable("PRISM_SOAK_SECONDS") ?? "30", CultureInfo.InvariantCulture);
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 1);
        using var ingest = pipeline.Ingest.CreateClient();
        var ledger = pipeline.Ledger;

        // Capacity: a burst as fast as Ingest takes it, timed until the last outcome is recorded.
        const int burst = 400;
        var probe = new Load(ingest, batchSize: 50);
        var burstStart = Stopwatch.GetTimestamp();
        await probe.SubmitAsync(burst, concurrency: 2, TestContext.Current.CancellationToken);
        Assert.True(await ledger.WaitSucceededAsync(burst, TimeSpan.FromSeconds(120)), "The capacity burst did not finish.\n" + pipeline.Tails());
        var capacity = burst / Load.Seconds(burstStart);
        var rate = capacity * Load70;
        // The burst's late events (a start recorded after its completion) must not count against the soak's first figures.
        var backlog = int.MaxValue;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); backlog > 0 && DateTime.UtcNow < deadline;)
        {
            backlog = await rig.Broker.MessagesInAsync(pipeline.VirtualHost, QueueNames.Results);
        }

        var processes = new[] { pipeline.Ingest, pipeline.Processors[0], pipeline.Results };
        var memoryAtStart = processes.Select(p => p.ResidentMiB()).ToArray();
        var soakStart = DateTimeOffset.UtcNow;
        var load = new Load(ingest, batchSize: Math.Max(1, (int)Math.Round(rate / 2)));
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(soakSeconds)))
        {
            await load.SubmitUntilAsync(rate, stop.Token);
        }
        var finished = await ledger.WaitSucceededAsync(burst + load.Accepted.Count, TimeSpan.FromSeconds(120));
        var memoryAtEnd = processes.Select(p => p.ResidentMiB()).ToArray();
        var audit = await ledger.AuditAsync([.. probe.Accepted, .. load.Accepted]);

        var latencies = await LatenciesAsync(pipeline.Database, soakStart);
        var window = TimeSpan.FromSeconds(soakSeconds / 5);
        var early = latencies.Where(l => l.SubmittedAt < soakStart + window).Select(l => l.Ms).Order().ToArray();
        var late = latencies.Where(l => l.SubmittedAt >= soakStart + TimeSpan.FromSeconds(soakSeconds) - window).Select(l => l.Ms).Order().ToArray();
        var errorRate = load.Batches == 0 ? 0 : (double)(load.RefusedBatches + load.Errors.Count) / load.Batches;
        Measurements.Report(
            $"soak: capacity {capacity:F1} jobs/s, ran {soakSeconds:F0} s at {rate:F1} jobs/s (70 %): {load.Accepted.Count} jobs, error rate {errorRate:P2}, lost {audit.Lost.Count}, duplicated {audit.Duplicated.Count}; " +
            $"submit->recorded first {window.TotalSeconds:F0} s p50 {P(early, 0.5):F0} ms p99 {P(early, 0.99):F0} ms, last {window.TotalSeconds:F0} s p50 {P(late, 0.5):F0} ms p99 {P(late, 0.99):F0} ms; " +
            $"RSS MiB start->end: " + string.Join(", ", processes.Select((p, i) => $"{p.Name} {memoryAtStart[i]:F0}->{memoryAtEnd[i]:F0}")));

        Assert.Empty(load.Errors);
        Assert.Equal(0, load.RefusedBatches);
        Assert.True(finished, $"Not every job succeeded: {audit}\n{pipeline.Tails()}");
        Assert.Empty(audit.Lost);
        Assert.Empty(audit.Duplicated);
        Assert.NotEmpty(early);
        Assert.NotEmpty(late);
    }

    private static double P(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    /// <summary>Submit (Ingest's clock) to recorded (Results' last write) per job submitted since <paramref name="since"/>.</summary>
    private static async Task<List<(DateTimeOffset SubmittedAt, double Ms)>> LatenciesAsync(string database, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT submitted_us, updated_us FROM prism_jobs WHERE status = 'succeeded' AND submitted_us >= @since", connection);
        command.Parameters.AddWithValue("since", since.ToUnixTimeMilliseconds() * 1000);
        await using var reader = await command.ExecuteReaderAsync();
        var all = new List<(DateTimeOffset, double)>();
        while (await reader.ReadAsync())
        {
            all.Add((DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) / 1000), (reader.GetInt64(1) - reader.GetInt64(0)) / 1000.0));
        }
        return all;
    }
}
