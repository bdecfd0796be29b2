using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Prism.Pipeline.Load;

/// <summary>
/// Drives the public REST API like clients do: <c>POST /api/v1/jobs</c>, then long-polls
/// <c>GET /api/v1/results/{id}?waitSeconds=</c> until the job is finished and its result readable.
/// </summary>
public sealed class LoadDriver(HttpClient http, Uri ingest, Uri results)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Closed loop: <paramref name="concurrency"/> jobs in flight, each submitted and then waited for.</summary>
    public async Task<PhaseResult> PeakAsync(IReadOnlyList<(string Kind, byte[] Body)> jobs, int concurrency, CancellationToken cancellationToken)
    {
        var samples = new ConcurrentBag<JobSample>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (job, ct) => samples.Add(await RunJobAsync(job, clock, ct).ConfigureAwait(false))).ConfigureAwait(false);
        return PhaseResult.From($"peak (closed loop, concurrency {concurrency})", [.. samples], clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Warm-up: the closed loop over <paramref name="jobs"/>, taken round and round until at least
    /// <paramref name="minimum"/> has passed and each was sent once.
    /// </summary>
    public async Task<PhaseResult> WarmUpAsync(IReadOnlyList<(string Kind, byte[] Body)> jobs, int concurrency, TimeSpan minimum, CancellationToken cancellationToken)
    {
        var samples = new ConcurrentBag<JobSample>();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Parallel.ForEachAsync(Enumerable.Range(0, concurrency), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (_, ct) =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < jobs.Count || clock.Elapsed < minimum)
                {
                    samples.Add(await RunJobAsync(jobs[i % jobs.Count], clock, ct).ConfigureAwait(false));
                }
            }).ConfigureAwait(false);
        return PhaseResult.From("warm-up", [.. samples], clock.Elapsed.TotalSeconds);
    }

    /// <summary>Open loop: one job every 1/<paramref name="perSecond"/> s whatever the answers, so queueing shows in latency.</summary>
    public async Task<PhaseResult> PacedAsync(IReadOnlyList<(string Kind, byte[] Body)> jobs, double perSecond, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task<JobSample>>(jobs.Count);
        for (var i = 0; i < jobs.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken).ConfigureAwait(false);
            running.Add(RunJobAsync(jobs[i], clock, cancellationToken));
        }
        var samples = await Task.WhenAll(running).ConfigureAwait(false);
        return PhaseResult.From($"paced at {perSecond:F0} jobs/s (half of peak, open loop)", samples, clock.Elapsed.TotalSeconds);
    }

    private async Task<JobSample> RunJobAsync((string Kind, byte[] Body) job, Stopwatch clock, CancellationToken cancellationToken)
    {
        var start = clock.Elapsed;
        try
        {
            using var content = new ByteArrayContent(job.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var submit = await http.PostAsync(new Uri(ingest, "/api/v1/jobs"), content, cancellationToken).ConfigureAwait(false);
            if (submit.StatusCode != HttpStatusCode.Accepted)
            {
                return JobSample.Failed(job.Kind, start, clock.Elapsed, $"submit answered {(int)submit.StatusCode}: {await Short(submit, cancellationToken).ConfigureAwait(false)}");
            }
            var accepted = clock.Elapsed;
            using var receipt = await JsonDocument.ParseAsync(await submit.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            var self = receipt.RootElement.GetProperty("links").GetProperty("self").GetString()!;

            var deadline = start + JobTimeout;
            while (clock.Elapsed < deadline)
            {
                using var poll = await http.GetAsync(new Uri(results, $"{self}?waitSeconds=30"), cancellationToken).ConfigureAwait(false);
                if (poll.StatusCode == HttpStatusCode.NotFound) continue;
                if (poll.StatusCode != HttpStatusCode.OK)
                {
                    return JobSample.Failed(job.Kind, start, clock.Elapsed, $"result answered {(int)poll.StatusCode}: {await Short(poll, cancellationToken).ConfigureAwait(false)}");
                }
                using var view = await JsonDocument.ParseAsync(await poll.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
                var status = view.RootElement.GetProperty("status").GetString();
                if (status is "queued" or "running") continue;
                var done = clock.Elapsed;
                return status == "succeeded" && view.RootElement.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
                    ? new JobSample(job.Kind, start, accepted, done, null)
                    : JobSample.Failed(job.Kind, start, done, $"ended {status}: {(view.RootElement.TryGetProperty("error", out var e) ? e.GetRawText() : "no result")}");
            }
            return JobSample.Failed(job.Kind, start, clock.Elapsed, $"no result within {JobTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            return JobSample.Failed(job.Kind, start, clock.Elapsed, ex.Message);
        }
    }

    private static async Task<string> Short(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Length > 200 ? body[..200] : body;
    }
}

/// <summary>One job's timeline, relative to the start of its phase.</summary>
public sealed record JobSample(string Kind, TimeSpan Submitted, TimeSpan? Accepted, TimeSpan Finished, string? Error)
{
    public double LatencyMs => (Finished - Submitted).TotalMilliseconds;

    public static JobSample Failed(string kind, TimeSpan submitted, TimeSpan finished, string error) => new(kind, submitted, null, finished, error);
}

public sealed record PhaseResult(string Name, int Jobs, int Errors, double Seconds, double SubmittedPerSecond, double CompletedPerSecond,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, double[] SortedLatenciesMs, IReadOnlyList<string> ErrorSamples)
{
    public static PhaseResult From(string name, IReadOnlyList<JobSample> samples, double seconds)
    {
        var ok = samples.Where(s => s.Error is null).ToArray();
        var latencies = ok.Select(s => s.LatencyMs).Order().ToArray();
        // Rates over the span the phase needed for them: until the last 202, and until the last result read.
        var lastAccepted = ok.Length == 0 ? seconds : ok.Max(s => s.Accepted!.Value.TotalSeconds);
        var lastFinished = ok.Length == 0 ? seconds : ok.Max(s => s.Finished.TotalSeconds);
        return new PhaseResult(name, samples.Count, samples.Count - ok.Length, seconds,
            ok.Length / Math.Max(lastAccepted, 1e-9), ok.Length / Math.Max(lastFinished, 1e-9),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.Length == 0 ? double.NaN : latencies[^1],
            latencies, [.. samples.Where(s => s.Error is not null).Select(s => $"{s.Kind}: {s.Error}").Distinct().Take(5)]);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
