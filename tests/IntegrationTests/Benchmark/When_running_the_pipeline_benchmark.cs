using Prism.IntegrationTests.Infrastructure;
using Prism.Pipeline;
using Prism.Pipeline.Reporting;

namespace Prism.IntegrationTests.Benchmark;

/// <summary>
/// The pipeline benchmark in a tiny form, against real service processes it starts itself: it must
/// finish every job, measure the ceilings, and leave a readable report and a real PNG behind. The
/// figures are only checked for consistency, never against a speed.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_running_the_pipeline_benchmark(RabbitMqService rabbit, PostgresService postgres) : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("prism-bench-results-").FullName;

    [Fact]
    public async Task Standalone_writes_a_report_and_a_latency_plot_with_consistent_figures()
    {
        var (report, folder) = await RunAsync(new BenchmarkSettings
        {
            Mode = BenchmarkModes.Standalone, Jobs = 50, Concurrency = 8, CeilingMessages = 2000, WarmupSeconds = 0, ResultsFolder = _results,
            Kinds = new Dictionary<string, int> { ["pixels.entropy"] = 2, ["timeseries.forecast"] = 1 },
        });

        AssertConsistent(report, folder, expectedCeilings: ["MassTransit in-memory"]);
    }

    [Fact]
    public async Task Distributed_writes_a_report_with_the_RabbitMQ_ceilings_of_the_same_broker()
    {
        var amqp = rabbit.Require();
        var server = postgres.Require();
        var (report, folder) = await RunAsync(new BenchmarkSettings
        {
            Mode = BenchmarkModes.Distributed, Jobs = 50, Concurrency = 8, CeilingMessages = 2000, WarmupSeconds = 0, ResultsFolder = _results,
            RabbitMq = amqp, RabbitMqManagement = Environment.GetEnvironmentVariable("PRISM_TEST_RABBITMQ_MANAGEMENT"), Postgres = server,
        });

        AssertConsistent(report, folder, expectedCeilings: ["MassTransit in-memory", "MassTransit + RabbitMQ", "RabbitMQ.Client (raw)"]);
        Assert.Contains("Processor", report.ServiceCpuSecondsPerJob.Keys);
    }

    private static async Task<(BenchmarkReport, string)> RunAsync(BenchmarkSettings settings)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await PipelineBenchmark.RunAsync(settings, TextWriter.Null, timeout.Token);
    }

    private static void AssertConsistent(BenchmarkReport report, string folder, string[] expectedCeilings)
    {
        var peak = report.Peak;
        Assert.True(peak.Errors == 0, string.Join('\n', peak.ErrorSamples));
        Assert.Equal(50, peak.Jobs);
        Assert.Equal(50, peak.SortedLatenciesMs.Length);
        Assert.True(peak.CompletedPerSecond > 0 && peak.CompletedPerSecond <= peak.SubmittedPerSecond, $"completed/s {peak.CompletedPerSecond}, submitted/s {peak.SubmittedPerSecond}");
        Assert.True(peak.P50Ms > 0 && peak.P50Ms <= peak.P95Ms && peak.P95Ms <= peak.P99Ms && peak.P99Ms <= peak.MaxMs, $"{peak.P50Ms} {peak.P95Ms} {peak.P99Ms} {peak.MaxMs}");
        // Each job's latency is bounded by the phase's duration.
        Assert.True(peak.MaxMs <= peak.Seconds * 1000 + 1);

        var paced = Assert.IsType<Prism.Pipeline.Load.PhaseResult>(report.Paced);
        Assert.Equal(0, paced.Errors);
        Assert.Equal(25, paced.Jobs);

        Assert.Equal(expectedCeilings, report.Ceilings.Select(c => c.Name));
        Assert.All(report.Ceilings, c => Assert.True(c.PerSecond > 0 && c.Messages == 2000 && c.MessageBytes == report.MeanInputBytes));
        Assert.Equal(peak.CompletedPerSecond / report.ReferenceCeiling!.PerSecond, report.ThroughputRatio!.Value, 9);

        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("| peak (closed loop, concurrency 8) | 50 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("![submit → result latency](latency.png)", markdown, StringComparison.Ordinal);
        foreach (var ceiling in expectedCeilings) Assert.Contains($"| {ceiling} | 2000 |", markdown, StringComparison.Ordinal);

        var png = File.ReadAllBytes(Path.Combine(folder, "latency.png"));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // IHDR: the plot's width and height, big-endian, right after the signature and chunk header.
        Assert.Equal(1000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(600, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 10_000, $"the plot has {png.Length} bytes: nothing was drawn");
    }

    public void Dispose() => Directory.Delete(_results, recursive: true);
}
