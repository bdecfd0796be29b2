using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prism.Compute.Kinds.Pixels;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Kinds.Pixels;
using Prism.KindReferences;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>
/// Drives the public HTTP API like a client: submits N entropy jobs at a given concurrency, long-polls
/// each result as soon as it is accepted, and checks every result against the plain reference.
/// </summary>
public static class EntropyJobDriver
{
    public sealed record Outcome(int Jobs, double Seconds, double P50Ms, double P95Ms, IReadOnlyList<string> Problems)
    {
        public double JobsPerSecond => Jobs / Seconds;
    }

    public static async Task<Outcome> RunAsync(HttpClient ingest, HttpClient results, int jobs, int concurrency, int seed)
    {
        var random = new Random(seed);
        var inputs = Enumerable.Range(0, jobs).Select(_ => new PixelsEntropyInput
        {
            Width = 64,
            Height = 48,
            Pixels = Enumerable.Range(0, 64 * 48).Select(_ => (ushort)random.Next(0, 1 << random.Next(1, 16))).ToArray(),
            Window = 3 + 2 * random.Next(0, 4),
            Bins = random.Next(2, 65),
        }).ToArray();

        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var stopwatch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var input = inputs[i];
            var submitted = Stopwatch.GetTimestamp();
            using var response = await ingest.PostAsJsonAsync("/api/v1/pixels/entropy", input, PrismJson.Options, ct);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                problems.Add($"job {i}: submit answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                return;
            }
            var receipt = (await response.Content.ReadFromJsonAsync<JobReceipt>(PrismJson.Options, ct))!;

            JobResultView? job = null;
            for (var attempt = 0; attempt < 3 && (job is null || !JobStatus.IsTerminal(job.Status)); attempt++)
            {
                using var poll = await results.GetAsync($"{receipt.Links.Self}?waitSeconds=60", ct);
                if (poll.StatusCode == HttpStatusCode.OK) job = await poll.Content.ReadFromJsonAsync<JobResultView>(PrismJson.Options, ct);
            }
            latencies.Add(Stopwatch.GetElapsedTime(submitted).TotalMilliseconds);

            if (job?.Status != JobStatus.Succeeded)
            {
                problems.Add($"job {i} ({receipt.JobId}): ended {job?.Status ?? "unrecorded"} {job?.Error?.Code} {job?.Error?.Message}");
                return;
            }
            var output = job.Result!.Value.Deserialize<PixelsEntropyOutput>(PrismJson.Options)!;
            var expected = EntropyReference.LocalEntropy(input.Pixels!, input.Width, input.Height, input.Window, input.Bins);
            for (var p = 0; p < expected.Length; p++)
            {
                if (Math.Abs(expected[p] - output.EntropyMap[p]) > 1e-5)
                {
                    problems.Add($"job {i}: entropyMap[{p}] = {output.EntropyMap[p]}, reference {expected[p]}");
                    return;
                }
            }
            var mean = expected.Average();
            if (Math.Abs(mean - output.MeanEntropy) > 1e-9) problems.Add($"job {i}: meanEntropy {output.MeanEntropy}, reference {mean}");
        });

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new Outcome(jobs, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.95), [.. problems]);
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    /// <summary>Reads every job the results API lists, following cursors.</summary>
    public static async Task<List<JobResultView>> ListAllAsync(HttpClient results)
    {
        var all = new List<JobResultView>();
        string? cursor = null;
        do
        {
            var page = await results.GetFromJsonAsync<JobPage>($"/api/v1/results?limit=500{(cursor is null ? "" : $"&cursor={cursor}")}", PrismJson.Options);
            all.AddRange(page!.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
