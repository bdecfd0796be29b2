using Prism.Pipeline.Load;

namespace Prism.Pipeline.Reporting;

/// <summary>The submit→result latency distribution of each phase as a percentile curve (PNG).</summary>
public static class LatencyPlot
{
    public static void Save(string path, IReadOnlyList<PhaseResult> phases, string title)
    {
        var plot = new ScottPlot.Plot();
        foreach (var phase in phases.Where(p => p.SortedLatenciesMs.Length > 0))
        {
            var latencies = phase.SortedLatenciesMs;
            var percentiles = Enumerable.Range(0, latencies.Length).Select(i => 100.0 * (i + 1) / latencies.Length).ToArray();
            var curve = plot.Add.Scatter(percentiles, latencies);
            curve.MarkerSize = 0;
            curve.LineWidth = 2;
            curve.LegendText = $"{phase.Name}: p50 {phase.P50Ms:F0} ms, p99 {phase.P99Ms:F0} ms";
        }
        plot.Title(title);
        plot.XLabel("percentile of jobs");
        plot.YLabel("submit → result latency (ms)");
        plot.Axes.SetLimitsX(0, 100);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.SavePng(path, 1000, 600);
    }
}
