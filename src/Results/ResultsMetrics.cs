using System.Diagnostics;
using System.Diagnostics.Metrics;
using Prism.Contracts;
using Prism.Results.Storage;

namespace Prism.Results;

/// <summary>The results service's own instruments (meter <c>Prism.Results</c>).</summary>
public sealed class ResultsMetrics
{
    public const string MeterName = "Prism.Results";
    private readonly Counter<long> _events;
    private readonly Histogram<double> _totalMs;

    public ResultsMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _events = meter.CreateCounter<long>("prism.results.events", "{event}", "Job events recorded, by kind and status.");
        _totalMs = meter.CreateHistogram<double>("prism.job.duration", "ms", "Submitted → finished time of a job, by kind and status.");
    }

    public void Recorded(JobRecordUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var tags = new TagList { { "kind", update.Kind }, { "status", update.Status } };
        _events.Add(1, tags);
        if (JobStatus.IsTerminal(update.Status) && update.CompletedAt is { } done)
        {
            _totalMs.Record((done - update.SubmittedAt).TotalMilliseconds, tags);
        }
    }
}
