using Prism.Contracts;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>The embedded default as a real process: in-memory bus, SQLite file, CPU engine.</summary>
public sealed class When_entropy_jobs_flow_through_Standalone : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-standalone-").FullName;

    [Fact]
    public async Task Every_one_of_200_jobs_succeeds_once_with_the_reference_result()
    {
        await using var standalone = await ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
        {
            ["ConnectionStrings__results"] = $"Data Source={Path.Combine(_directory, "prism.db")}",
            ["Processor__Engine"] = "cpu",
        });
        using var client = standalone.CreateClient();

        var outcome = await EntropyJobDriver.RunAsync(client, client, jobs: 200, concurrency: 16, seed: 7);

        Assert.True(outcome.Problems.Count == 0, string.Join('\n', outcome.Problems.Take(10)) + $"\n--- standalone:\n{standalone.OutputTail}");
        var recorded = await EntropyJobDriver.ListAllAsync(client);
        Assert.Equal(200, recorded.Count);
        Assert.All(recorded, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.True(File.Exists(Path.Combine(_directory, "prism.db")));
        Measurements.Report($"e2e Standalone (in-memory bus, SQLite): {outcome.Jobs} entropy jobs (64x48) in {outcome.Seconds:F2} s = {outcome.JobsPerSecond:F1} jobs/s, submit->result p50 {outcome.P50Ms:F0} ms p95 {outcome.P95Ms:F0} ms (concurrency 16)");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
