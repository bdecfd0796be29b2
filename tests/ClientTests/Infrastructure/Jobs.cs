using System.Net;
using Prism.Client;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.ClientTests.Infrastructure;

/// <summary>Inputs and helpers the tests share.</summary>
public static class Jobs
{
    /// <summary>Compute slots of the test Standalone (<c>Processor__MaxConcurrentJobs</c>).</summary>
    public const int ComputeSlots = 2;

    /// <summary>A 1×1 frame: finishes in microseconds.</summary>
    public static PixelsEntropyInput Tiny(ushort value = 1) => new() { Width = 1, Height = 1, Pixels = [value], Window = 3, Bins = 2 };

    /// <summary>
    /// The largest frame (2048×2048) with the largest window: seconds of CPU even on a quiet machine. Single-digit
    /// values keep its JSON at 8 MB.
    /// </summary>
    public static PixelsEntropyInput Slow(int seed)
    {
        var random = new Random(seed);
        const int side = 2048;
        return new PixelsEntropyInput
        {
            Width = side,
            Height = side,
            Pixels = [.. Enumerable.Range(0, side * side).Select(_ => (ushort)random.Next(0, 10))],
            Window = PixelsEntropyKind.MaxWindow,
            Bins = PixelsEntropyKind.MaxBins,
        };
    }

    /// <summary>
    /// Fills every compute slot with a slow job at the top priority and waits until they run, so that a slow job
    /// submitted after them is still queued or running seconds later, however late Results records things under load.
    /// (A small job would not do: the processor parses inputs before it waits for a slot, so a small job can overtake
    /// big ones still being parsed.) Returns the slow jobs, to be cancelled when done.
    /// </summary>
    public static async Task<Guid[]> OccupyAsync(PrismClient client, int seed, CancellationToken cancellationToken)
    {
        var ids = new Guid[ComputeSlots];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (await client.SubmitAsync(Slow(seed + i), new SubmitOptions { Priority = 9 }, cancellationToken)).JobId;
        }
        // A slot is taken only once a job runs (reading a 7 MB input takes a while): a small job submitted earlier would overtake.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var running = 0;
            foreach (var id in ids)
            {
                if ((await RecordedAsync(client, id, cancellationToken)).Status != JobStatus.Queued) running++;
            }
            if (running >= ComputeSlots) break;
            await Task.Delay(50, cancellationToken);
        }
        return ids;
    }

    /// <summary>Cancels jobs that may or may not have finished meanwhile.</summary>
    public static async Task CancelQuietlyAsync(PrismClient client, IEnumerable<Guid> jobIds)
    {
        foreach (var id in jobIds)
        {
            try
            {
                await client.CancelAsync(id);
            }
            catch (PrismApiException ex) when (ex.Status is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
            {
                // Already finished, or not recorded yet: either way it no longer holds a slot for long.
            }
        }
    }

    /// <summary>
    /// Submits a slow job behind busy slots and cancels it with <paramref name="cancel"/> while it is queued or running.
    /// A cancel may still lose the race to the job's end (the contract: it ends cancelled "unless it finishes first");
    /// that attempt is repeated with a new job, up to three times. Returns the last attempt: its job, the cancel's
    /// outcome and the job's final state.
    /// </summary>
    public static async Task<(Guid JobId, T Cancel, JobResultView Final)> CancelWhileUnfinishedAsync<T>(
        PrismClient client, int seed, Func<Guid, Task<T>> cancel, Func<T, bool> accepted, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var blockers = await OccupyAsync(client, seed + 100 * attempt, cancellationToken);
            var target = (await client.SubmitAsync(Slow(seed + 100 * attempt + 50), cancellationToken: cancellationToken)).JobId;
            var recorded = await RecordedAsync(client, target, cancellationToken);
            var outcome = JobStatus.IsTerminal(recorded.Status) ? default! : await cancel(target);
            await CancelQuietlyAsync(client, blockers);
            var final = await client.WaitAsync(target, TimeSpan.FromSeconds(60), cancellationToken);
            var lostRace = JobStatus.IsTerminal(recorded.Status) || !accepted(outcome) || final.Status == JobStatus.Succeeded;
            if (!lostRace || attempt == 2) return (target, outcome, final);
        }
    }

    /// <summary>
    /// What the stream promises about one job's events: in id order, each type at most once, statuses never moving
    /// back, ending in <paramref name="terminal"/>. (Results emits an event per status change; when it happens to
    /// record a job's start before its submission, that job has no separate <c>submitted</c> event.)
    /// </summary>
    public static void AssertLifecycle(IReadOnlyList<JobEvent> events, string terminal)
    {
        Assert.NotEmpty(events);
        Assert.Equal(terminal, events[^1].Type);
        Assert.Equal(events.Count, events.Select(e => e.Type).Distinct().Count());
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Id < p.Second.Id && JobStatus.Rank(p.First.Status) < JobStatus.Rank(p.Second.Status)),
            $"events out of order: {string.Join(", ", events.Select(e => $"{e.Id}:{e.Type}/{e.Status}"))}");
        Assert.All(events, e => Assert.Equal(events[0].JobId, e.JobId));
    }

    /// <summary>A finished job's events, one line, for failure messages.</summary>
    public static async Task<string> HistoryAsync(PrismClient client, Guid jobId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var events = new List<string>();
        await foreach (var e in client.SubscribeAsync(new EventFilter { JobId = jobId }, timeout.Token))
        {
            events.Add($"{e.Type} at {e.At:HH:mm:ss.fff}");
            if (JobStatus.IsTerminal(e.Status)) break;
        }
        return string.Join(", ", events);
    }

    /// <summary>Reads a job until the store has recorded it (the 202 and the store race).</summary>
    public static async Task<JobResultView> RecordedAsync(PrismClient client, Guid jobId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await client.GetResultAsync(jobId, cancellationToken);
            }
            catch (PrismApiException ex) when (ex.Status == HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }
}
