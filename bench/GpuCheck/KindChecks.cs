using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prism.Contracts;
using Prism.Contracts.Kinds.Finance;
using Prism.Contracts.Kinds.Pixels;
using Prism.Contracts.Kinds.Pwsa;
using Prism.Contracts.Kinds.Timeseries;
using Prism.Contracts.Validation;
using Prism.Processor;
using Prism.Processor.Compute;

namespace Prism.GpuCheck;

internal enum WorkUnit { Bytes, Flops, NormalDraws }

/// <summary>The work one job does: bytes that must move, floating-point operations, or random draws.</summary>
internal sealed record Work(double Amount, WorkUnit Unit, string Model);

/// <summary>
/// Every kind the processor serves, on its samples/ input: the ILGPU handler against the managed
/// CPU handler (outputs compared as JSON trees), then the ILGPU handler's time per job and, where a
/// simple work model exists, its achieved rate and fraction of the device's peak.
/// </summary>
internal static class KindChecks
{
    // Relative tolerance on numbers. The unit tests hold the ILGPU engines to the CPU engines exactly
    // for the seeded and combinatorial kinds (graph.color, robotics.plan, telecom.optimize,
    // finance.risk), so integers and paths must match; this only absorbs last-bit FMA differences.
    private const double Tolerance = 1e-6;

    public static async Task<int> RunAsync(ComputeDevice gpuDevice, bool onGpu, double? peakBandwidth, double? peakFlops)
    {
        using var cpuDevice = new ComputeDevice(Options.Create(new ProcessorOptions { Engine = EngineModes.Cpu }), NullLogger<ComputeDevice>.Instance);
        await using var gpuHandlers = Handlers(gpuDevice);
        await using var cpuHandlers = Handlers(cpuDevice);
        var ilgpu = gpuHandlers.GetServices<IKindHandler>().ToDictionary(h => h.Kind, StringComparer.Ordinal);
        var managed = cpuHandlers.GetServices<IKindHandler>().ToDictionary(h => h.Kind, StringComparer.Ordinal);
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var failures = 0;

        foreach (var kind in ilgpu.Keys.Order(StringComparer.Ordinal))
        {
            var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(samples, kind + ".json")))!;
            var scaled = onGpu && ScaleForGpu(kind, sample);
            var parsed = JobKindCatalog.Find(kind)!.Parse(JsonSerializer.SerializeToElement(sample));
            if (!parsed.IsValid)
            {
                failures++;
                Console.WriteLine($"FAIL {kind}: the sample does not validate: {parsed.Errors}");
                continue;
            }
            var input = parsed.Input!;

            var clock = Stopwatch.StartNew();
            var expected = await managed[kind].ExecuteAsync(input, CancellationToken.None);
            var cpuSeconds = clock.Elapsed.TotalSeconds;
            var actual = await ilgpu[kind].ExecuteAsync(input, CancellationToken.None); // also the warm-up (kernel compile)
            var difference = MaxDifference(Tree(expected), Tree(actual), "$");
            var agrees = difference.Mismatch is null && difference.Relative <= Tolerance;
            if (!agrees) failures++;

            // Up to 20 runs on a GPU (3 on the simulator), stopping after 5 s so that the whole check stays bounded.
            var runs = 0;
            clock.Restart();
            do
            {
                await ilgpu[kind].ExecuteAsync(input, CancellationToken.None);
                runs++;
            }
            while (runs < (onGpu ? 20 : 3) && clock.Elapsed.TotalSeconds < 5);
            var seconds = clock.Elapsed.TotalSeconds / runs;

            var agreement = agrees
                ? Inv($"PASS {kind}: ILGPU = CPU engine (max relative difference {difference.Relative:E1})")
                : $"FAIL {kind}: ILGPU ≠ CPU engine: {difference.Mismatch ?? Inv($"max relative difference {difference.Relative:E1} > {Tolerance:E0}")}";
            Console.WriteLine(Inv($"{agreement}; {seconds * 1e3:F2} ms per job over {runs} run(s), CPU engine {cpuSeconds * 1e3:F2} ms (one cold run){(scaled ? " [input scaled up for the GPU]" : "")}; {Rate(WorkOf(input), seconds, peakBandwidth, peakFlops)}"));
        }
        return failures;
    }

    private static ServiceProvider Handlers(ComputeDevice device)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(device);
        services.AddComputeKinds();
        return services.BuildServiceProvider();
    }

    /// <summary>Inputs whose size is one number are made GPU-sized; the others stay the sample.</summary>
    private static bool ScaleForGpu(string kind, JsonNode sample)
    {
        if (kind != "finance.risk") return false;
        // The CPU engine computes the same paths for the comparison, so stay where it takes seconds.
        sample["paths"] = 10_000_000;
        return true;
    }

    private static Work? WorkOf(object input) => input switch
    {
        PixelsEntropyInput e => new((double)e.Width * e.Height * (2 + 8), WorkUnit.Bytes, "16-bit pixels in, 64-bit entropy map out"),
        PixelsSegmentInput s => new((double)s.Width * s.Height * 2, WorkUnit.Bytes, "16-bit frame read once"),
        PwsaDetectInput d when d.IrFrame is { } f => new((double)f.Width * f.Height * 2, WorkUnit.Bytes, "16-bit frame read once"),
        FinanceOptimizeInput { Returns: { Length: > 0 } r } => new(2.0 * r.Length * r[0].Length * r[0].Length, WorkUnit.Flops, "covariance 2·T·n² FLOP"),
        TimeseriesForecastInput { Series: { } series, Order: { } p } =>
            new(series.Sum(s => 2.0 * Math.Max(0, s.Length - p) * (p + 1) * (p + 1)), WorkUnit.Flops, "lag cross-products 2·(T−p)·(p+1)² FLOP per series"),
        // Compute-bound: each draw is a Box–Muller half (log, sqrt, sin/cos) in FP64; no peak to compare with.
        FinanceRiskInput { Weights: { } w } r => new((double)r.Paths * r.Horizon * w.Length, WorkUnit.NormalDraws, "paths·horizon·assets normal draws"),
        _ => null,
    };

    private static string Rate(Work? work, double seconds, double? peakBandwidth, double? peakFlops)
    {
        if (work is null) return "no simple work model for this kind: time only";
        var rate = work.Amount / seconds;
        var peak = work.Unit switch { WorkUnit.Bytes => peakBandwidth, WorkUnit.Flops => peakFlops, _ => null };
        var ofPeak = work.Unit == WorkUnit.NormalDraws ? " (no peak figure for draws)" : peak is { } p ? Inv($" = {100 * rate / p:F3}% of peak") : " (peak unknown)";
        var unit = work.Unit switch { WorkUnit.Bytes => "GB/s", WorkUnit.Flops => "GFLOP/s", _ => "G draws/s" };
        return Inv($"{rate / 1e9:F3} {unit}{ofPeak} ({work.Model}, transfers included)");
    }

    private static JsonElement Tree(object output) => JsonSerializer.SerializeToElement(output, output.GetType(), PrismJson.Options);

    private sealed record Difference(double Relative, string? Mismatch);

    /// <summary>The largest relative difference between two numbers at the same place, or the first structural mismatch.</summary>
    private static Difference MaxDifference(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind != b.ValueKind) return new(double.PositiveInfinity, $"{path}: {a.ValueKind} vs {b.ValueKind}");
        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                double x = a.GetDouble(), y = b.GetDouble();
                var scale = Math.Max(Math.Abs(x), Math.Abs(y));
                // Below 1e-12 in absolute terms two results are both zero to within rounding.
                return new(Math.Abs(x - y) <= 1e-12 ? 0 : Math.Abs(x - y) / scale, null);
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) return new(double.PositiveInfinity, $"{path}: {a.GetArrayLength()} vs {b.GetArrayLength()} elements");
                return Worst(a.EnumerateArray().Zip(b.EnumerateArray()).Select((p, i) => MaxDifference(p.First, p.Second, $"{path}[{i}]")));
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).ToArray();
                var other = b.EnumerateObject().Select(p => p.Name).ToArray();
                if (!names.Order(StringComparer.Ordinal).SequenceEqual(other.Order(StringComparer.Ordinal))) return new(double.PositiveInfinity, $"{path}: fields {string.Join(',', names)} vs {string.Join(',', other)}");
                return Worst(names.Select(n => MaxDifference(a.GetProperty(n), b.GetProperty(n), $"{path}.{n}")));
            default:
                return a.GetRawText() == b.GetRawText() ? new(0, null) : new(double.PositiveInfinity, $"{path}: {a.GetRawText()} vs {b.GetRawText()}");
        }
    }

    private static Difference Worst(IEnumerable<Difference> differences)
    {
        var worst = new Difference(0, null);
        foreach (var d in differences)
        {
            if (d.Mismatch is not null) return d;
            if (d.Relative > worst.Relative) worst = d;
        }
        return worst;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
