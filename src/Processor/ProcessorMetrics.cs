using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Prism.Processor;

/// <summary>The processor's own instruments (meter <c>Prism.Processor</c>).</summary>
public sealed class ProcessorMetrics
{
    public const string MeterName = "Prism.Processor";
    private readonly Counter<long> _jobs;
    private readonly Histogram<double> _computeMs;

    public ProcessorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _jobs = meter.CreateCounter<long>("prism.processor.jobs", "{job}", "Jobs computed, by kind, engine and outcome.");
        _computeMs = meter.CreateHistogram<double>("prism.processor.compute.duration", "ms", "Compute time of one job, by kind and engine.");
    }

    public void Computed(string kind, string engine, double milliseconds, bool succeeded)
    {
        var tags = new TagList { { "kind", kind }, { "engine", engine }, { "outcome", succeeded ? "succeeded" : "failed" } };
        _jobs.Add(1, tags);
        _computeMs.Record(milliseconds, tags);
    }
}
