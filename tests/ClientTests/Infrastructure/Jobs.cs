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
}
