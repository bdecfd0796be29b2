using System.Diagnostics;
using System.Diagnostics.Metrics;
using Prism.Compute;

namespace Prism.Processor;

/// <summary>The processor's own instruments (meter <c>Prism.Processor</c>). Exported names are listed in docs/metrics.md.</summary>
public sealed class ProcessorMetrics
{
    public const string MeterName = "Prism.Processor";
    private readonly Counter<long> _jobs;
    private readonly Histogram<double> _computeMs;
    private readonly UpDownCounter<long> _inFlight;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _executions;

    public ProcessorMetrics(IMeterFactory meters, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(device);
        var meter = meters.Create(MeterName);
        _jobs = meter.CreateCounter<long>("prism.processor.jobs", "{job}", "Jobs computed, by kind, engine and outcome.");
        _computeMs = meter.CreateHistogram<double>("prism.processor.compute.duration", "ms", "Compute time of one job, by kind and engine.");
        _inFlight = meter.CreateUpDownCounter<long>("prism.processor.jobs.in_flight", "{job}", "Jobs being computed now, by kind.");
        _batchSize = meter.CreateHistogram("prism.processor.batch_size", "{job}", "Jobs computed together in one engine call (dynamic batching), by kind.",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
        _executions = meter.CreateCounter<long>("prism.processor.executions", "{call}", "Engine calls, by kind: jobs ÷ executions is the average batch size.");
        // Always 1: the labels carry the information, so dashboards and alerts can count processors per engine.
        var info = new TagList { { "engine", device.Engine }, { "device", device.DeviceName } };
        meter.CreateObservableGauge("prism.processor.engine.info", () => new Measurement<int>(1, info), unit: null,
            description: "The engine and device this processor computes on (value always 1).");
    }

    public void Computed(string kind, string engine, double milliseconds, bool succeeded)
    {
        var tags = new TagList { { "kind", kind }, { "engine", engine }, { "outcome", succeeded ? "succeeded" : "failed" } };
        _jobs.Add(1, tags);
        _computeMs.Record(milliseconds, tags);
    }

    /// <summary>One engine call that computed <paramref name="jobs"/> jobs of <paramref name="kind"/>.</summary>
    public void BatchExecuted(string kind, int jobs)
    {
        var tags = new TagList { { "kind", kind } };
        _batchSize.Record(jobs, tags);
        _executions.Add(1, tags);
    }

    /// <summary>Counts a job as in flight until the returned scope is disposed.</summary>
    public IDisposable InFlight(string kind)
    {
        var tags = new TagList { { "kind", kind } };
        _inFlight.Add(1, tags);
        return new InFlightScope(_inFlight, tags);
    }

    private sealed class InFlightScope(UpDownCounter<long> counter, TagList tags) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) counter.Add(-1, tags);
        }
    }
}
