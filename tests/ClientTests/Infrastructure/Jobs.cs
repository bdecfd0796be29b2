using System.Net;
using Prism.Client;
using Prism.Contracts.Api;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.ClientTests.Infrastructure;

/// <summary>Inputs and helpers the tests share.</summary>
public static class Jobs
{
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
