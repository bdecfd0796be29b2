using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.IntegrationTests.Faults.Rig;

/// <summary>
/// Submits tiny pixels.entropy jobs in batches through Ingest's public API and keeps every receipt:
/// the jobs a 202 accepted, and those a 503 still lists as accepted (confirmed before the broker went away).
/// A refused batch is counted, never retried: its jobs were not accepted, so nothing is owed for them.
/// </summary>
public sealed class Load(HttpClient ingest, int batchSize = 50)
{
    private readonly ConcurrentDictionary<Guid, byte> _accepted = new();
    private int _refusedBatches;
    private int _batches;
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<Guid> Accepted => [.. _accepted.Keys];
    public int RefusedBatches => Volatile.Read(ref _refusedBatches);
    public int Batches => Volatile.Read(ref _batches);
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Submits <paramref name="jobs"/> jobs, <paramref name="concurrency"/> batches at a time.</summary>
    public Task SubmitAsync(int jobs, int concurrency, CancellationToken cancellationToken = default) =>
        Parallel.ForEachAsync(Enumerable.Range(0, (jobs + batchSize - 1) / batchSize), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) => await SubmitBatchAsync(Math.Min(batchSize, jobs - i * batchSize), i, ct));

    /// <summary>
    /// Keeps submitting about <paramref name="jobsPerSecond"/> jobs a second (a batch per tick) until
    /// <paramref name="stop"/> is cancelled. A batch the broker holds up delays only its own tick:
    /// the others go on, so refusals during an outage are counted as they happen.
    /// </summary>
    public async Task SubmitUntilAsync(double jobsPerSecond, CancellationToken stop)
    {
        var inFlight = new List<Task>();
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(batchSize / jobsPerSecond));
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            inFlight.Add(SubmitBatchAsync(batchSize, i, CancellationToken.None));
            inFlight.RemoveAll(t => t.IsCompleted);
            try
            {
                await ticks.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(inFlight);
    }

    private async Task SubmitBatchAsync(int count, int seed, CancellationToken cancellationToken)
    {
        using var body = new StringContent(BatchJson(count, seed), Encoding.UTF8, "application/json");
        Interlocked.Increment(ref _batches);
        try
        {
            using var response = await ingest.PostAsync("/api/v1/jobs/batch", body, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                foreach (var receipt in (await response.Content.ReadFromJsonAsync<JobReceipt[]>(PrismJson.Options, cancellationToken))!) _accepted[receipt.JobId] = 0;
            }
            else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref _refusedBatches);
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                if (problem.RootElement.TryGetProperty("accepted", out var accepted))
                {
                    foreach (var receipt in accepted.EnumerateArray()) _accepted[receipt.GetProperty("jobId").GetGuid()] = 0;
                }
            }
            else
            {
                _errors.Enqueue($"batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
        catch (HttpRequestException ex)
        {
            _errors.Enqueue($"batch failed: {ex.Message}");
        }
    }

    /// <summary>An 8×8 frame per job: the smallest real compute, so a run measures the pipeline, not the kernel.</summary>
    public static string BatchJson(int count, int seed)
    {
        var random = new Random(seed);
        var jobs = Enumerable.Range(0, count).Select(_ => new
        {
            kind = JobKinds.PixelsEntropy,
            input = new { width = 8, height = 8, pixels = Enumerable.Range(0, 64).Select(_ => random.Next(0, 256)).ToArray(), window = 3, bins = 8 },
        });
        return JsonSerializer.Serialize(jobs);
    }

    /// <summary>Time since <paramref name="start"/> in seconds, for the figures.</summary>
    public static double Seconds(long start) => Stopwatch.GetElapsedTime(start).TotalSeconds;
}
