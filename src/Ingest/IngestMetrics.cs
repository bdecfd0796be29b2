using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Prism.Ingest;

/// <summary>The ingest API's own instruments (meter <c>Prism.Ingest</c>).</summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Prism.Ingest";
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _rejected;

    public IngestMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _submitted = meter.CreateCounter<long>("prism.ingest.jobs.submitted", "{job}", "Jobs accepted and published, by kind.");
        _rejected = meter.CreateCounter<long>("prism.ingest.jobs.rejected", "{job}", "Submissions refused, by kind and reason.");
    }

    public void Submitted(string kind) => _submitted.Add(1, new TagList { { "kind", kind } });

    public void Rejected(string? kind, string reason) => _rejected.Add(1, new TagList { { "kind", kind ?? "unknown" }, { "reason", reason } });
}
