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

    /// <summary>1024×1024 with the largest window: about 3 s of CPU on a 2-core machine, long enough to cancel while queued or running.</summary>
    public static PixelsEntropyInput Slow(int seed)
    {
        var random = new Random(seed);
        const int side = 1024;
        return new PixelsEntropyInput
        {
            Width = side,
            Height = side,
            Pixels = [.. Enumerable.Range(0, side * side).Select(_ => (ushort)random.Next(0, 65536))],
            Window = PixelsEntropyKind.MaxWindow,
            Bins = PixelsEntropyKind.MaxBins,
        };
    }

    /// <summary>
    /// Fills every compute slot with a slow job at the top priority and waits until they run, so a job submitted after
    /// them stays queued for seconds. Returns the slow jobs, to be cancelled when done.
    /// </summary>
    public static async Task<Guid[]> OccupyAsync(PrismClient client, int seed, CancellationToken cancellationToken)
    {
        var ids = new Guid[ComputeSlots];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (await client.SubmitAsync(Slow(seed + i), new SubmitOptions { Priority = 9 }, cancellationToken)).JobId;
        }
        // A slot is taken only once the job runs (reading a 7 MB input takes a while): a small job submitted earlier would overtake.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var id in ids)
        {
            while ((await RecordedAsync(client, id, cancellationToken)).Status == JobStatus.Queued && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
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
