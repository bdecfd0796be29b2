using System.Diagnostics;
using System.Diagnostics.Metrics;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Results.Storage;

namespace Prism.Results;

/// <summary>
/// The results service's own instruments (meter <c>Prism.Results</c>). Exported names are listed in
/// docs/metrics.md. Delivery is at-least-once, so a redelivered event is counted again (rare).
/// </summary>
public sealed class ResultsMetrics
{
    public const string MeterName = "Prism.Results";
    private readonly Counter<long> _events;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _totalMs;
    private readonly Histogram<double> _queueWaitMs;
    private readonly Histogram<int> _storeBatch;

    public ResultsMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _events = meter.CreateCounter<long>("prism.results.events", "{event}", "Job events recorded, by kind and status.");
        _completed = meter.CreateCounter<long>("prism.results.jobs.completed", "{job}", "Jobs that reached a terminal state, by kind and status.");
        _failed = meter.CreateCounter<long>("prism.results.jobs.failed", "{job}", "Failed jobs, by kind and error code.");
        _totalMs = meter.CreateHistogram<double>("prism.job.duration", "ms", "Submitted → finished time of a job, by kind and status.");
        _queueWaitMs = meter.CreateHistogram<double>("prism.job.queue_wait", "ms", "Submitted → started time of a job, by kind.");
        _storeBatch = meter.CreateHistogram("prism.results.store.batch_size", "{event}", "Job events committed in one store transaction.",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
    }

    public void StoreBatch(int events) => _storeBatch.Record(events);

    /// <summary>Counts an update that changed its job; <paramref name="stored"/> are the stream events it added.</summary>
    public void Recorded(JobRecordUpdate update, IReadOnlyList<JobEvent> stored)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(stored);
        var tags = new TagList { { "kind", update.Kind }, { "status", update.Status } };
        _events.Add(1, tags);
        // Whichever update records the start: JobStarted, or the outcome of a job too short to announce it.
        if (update.StartedAt is { } started && stored.Any(e => e.Type == JobEventTypes.Started))
        {
            _queueWaitMs.Record(Math.Max(0, (started - update.SubmittedAt).TotalMilliseconds), new TagList { { "kind", update.Kind } });
        }
        if (!JobStatus.IsTerminal(update.Status)) return;

        _completed.Add(1, tags);
        if (update.Status == JobStatus.Failed)
        {
            _failed.Add(1, new TagList { { "kind", update.Kind }, { "code", update.ErrorCode ?? "unknown" } });
        }
        if (update.CompletedAt is { } done)
        {
            _totalMs.Record((done - update.SubmittedAt).TotalMilliseconds, tags);
        }
    }
}
