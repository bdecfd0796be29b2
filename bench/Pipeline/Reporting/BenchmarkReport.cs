using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Prism.Pipeline.Ceilings;
using Prism.Pipeline.Load;

namespace Prism.Pipeline.Reporting;

/// <summary>Everything one run measured, and its Markdown form.</summary>
public sealed record BenchmarkReport(
    BenchmarkSettings Settings,
    DateTimeOffset StartedAt,
    PhaseResult Peak,
    PhaseResult? Paced,
    IReadOnlyList<CeilingResult> Ceilings,
    IReadOnlyDictionary<string, double> ServiceCpuSecondsPerJob,
    int MeanInputBytes)
{
    /// <summary>The ceiling the pipeline's throughput is held against: MassTransit on the pipeline's own transport.</summary>
    /// <summary>1-minute load averages around the peak phase: other work on the machine shows here.</summary>
    public string MachineLoad { get; init; } = "unknown";

    public CeilingResult? ReferenceCeiling => Ceilings.FirstOrDefault(c => c.Name == (Settings.Mode == BenchmarkModes.Distributed ? "MassTransit + RabbitMQ" : "MassTransit in-memory"));

    public double? ThroughputRatio => ReferenceCeiling is { } c ? Peak.CompletedPerSecond / c.PerSecond : null;

    public double? TailRatio => Paced is { P50Ms: > 0 } p ? p.P99Ms / p.P50Ms : null;

    public string Machine =>
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    public string ToMarkdown()
    {
        var s = Settings;
        var b = new StringBuilder();
        b.AppendLine(Inv($"# Pipeline benchmark — {s.Mode}{(s.Label is null ? "" : $" ({s.Label})")}"));
        b.AppendLine();
        b.AppendLine(Inv($"- started: {StartedAt:yyyy-MM-dd HH:mm:ss} UTC"));
        b.AppendLine(Inv($"- machine: {Machine}; load average (1 min) {MachineLoad}"));
        b.AppendLine(Inv($"- warm-up (not measured): at least {s.WarmupSeconds:0.#} s of the closed loop; each ceiling ran once unmeasured before its measurement"));
        b.AppendLine(Inv($"- jobs: {s.Jobs} at concurrency {s.Concurrency}; kinds: {string.Join(", ", s.Kinds.Select(k => $"{k.Key}×{k.Value}"))}; entropy frames {s.EntropyFrameSide}×{s.EntropyFrameSide}; mean input {MeanInputBytes} B"));
        b.AppendLine(Inv($"- target: {(s.IngestUrl is null ? "services started by the benchmark" : $"{s.IngestUrl} / {s.ResultsUrl}")}"));
        if (s.ServiceSettings.Count > 0) b.AppendLine(Inv($"- service settings: {string.Join(", ", s.ServiceSettings.Select(kv => $"{kv.Key}={kv.Value}"))}"));
        b.AppendLine();
        b.AppendLine("## Pipeline (REST submit → result persisted and read back)");
        b.AppendLine();
        b.AppendLine("| phase | jobs | errors | submitted/s | completed/s | p50 ms | p95 ms | p99 ms | max ms |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in new[] { Peak, Paced }.OfType<PhaseResult>())
        {
            b.AppendLine(Inv($"| {p.Name} | {p.Jobs} | {p.Errors} | {p.SubmittedPerSecond:F1} | {p.CompletedPerSecond:F1} | {p.P50Ms:F1} | {p.P95Ms:F1} | {p.P99Ms:F1} | {p.MaxMs:F1} |"));
        }
        foreach (var error in new[] { Peak, Paced }.OfType<PhaseResult>().SelectMany(p => p.ErrorSamples)) b.AppendLine(Inv($"\n> error: {error}"));
        b.AppendLine();
        b.AppendLine("## Ceilings (same machine, same broker, same run)");
        b.AppendLine();
        b.AppendLine("| transport | messages | message bytes | msg/s | pipeline completed/s as % of it | setup |");
        b.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var c in Ceilings)
        {
            b.AppendLine(Inv($"| {c.Name} | {c.Messages} | {c.MessageBytes} | {c.PerSecond:F0} | {100 * Peak.CompletedPerSecond / c.PerSecond:F1}% | {c.Setup} |"));
        }
        b.AppendLine();
        b.AppendLine("## Targets");
        b.AppendLine();
        if (ThroughputRatio is { } ratio)
        {
            b.AppendLine(Inv($"- throughput: {Peak.CompletedPerSecond:F1} jobs/s = **{100 * ratio:F1}%** of {ReferenceCeiling!.Name} ({ReferenceCeiling.PerSecond:F0} msg/s); target ≥ 50%: {(ratio >= 0.5 ? "met" : "missed")}"));
        }
        if (TailRatio is { } tail)
        {
            b.AppendLine(Inv($"- latency at half of peak: p99 {Paced!.P99Ms:F1} ms = **{tail:F2}× p50** ({Paced.P50Ms:F1} ms); target ≤ 5×: {(tail <= 5 ? "met" : "missed")}"));
        }
        if (ServiceCpuSecondsPerJob.Count > 0)
        {
            b.AppendLine();
            b.AppendLine("## CPU per job (where the cores went during the peak phase)");
            b.AppendLine();
            b.AppendLine("| process | CPU ms per job |");
            b.AppendLine("|---|---:|");
            foreach (var (name, seconds) in ServiceCpuSecondsPerJob) b.AppendLine(Inv($"| {name} | {seconds * 1000:F2} |"));
        }
        b.AppendLine();
        b.AppendLine("![submit → result latency](latency.png)");
        return b.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
