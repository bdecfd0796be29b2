using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prism.Compute;
using Prism.Contracts.Kinds.Finance;
using Prism.Contracts.Kinds.Pixels;
using Prism.Contracts.Kinds.Pwsa;
using Prism.Contracts.Kinds.Timeseries;
using Prism.Contracts.Validation;

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
    public static async Task<int> RunAsync(ComputeDevice gpuDevice, bool onGpu, double? peakBandwidth, double? peakFlops)
    {
        using var cpuDevice = new ComputeDevice(EngineNames.Cpu, NullLogger<ComputeDevice>.Instance);
        await using var gpuHandlers = Handlers(gpuDevice);
        await using var cpuHandlers = Handlers(cpuDevice);
        var ilgpu = gpuHandlers.GetServices<IKindHandler>().ToDictionary(h => h.Kind, StringComparer.Ordinal);
        var managed = cpuHandlers.GetServices<IKindHandler>().ToDictionary(h => h.Kind, StringComparer.Ordinal);
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var random = new Random(19);
        var failures = 0;

        foreach (var kind in ilgpu.Keys.Order(StringComparer.Ordinal))
        {
            var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(samples, kind + ".json")))!;
            // The large input is GPU-sized only on a GPU: the simulator runs kernels 300–2000× slower than the CPU engine.
            var large = KindInputs.Generate(kind, random, large: onGpu);
            if (!await CompareAsync(kind, "sample", sample)) failures++;
            if (!await CompareAsync(kind, (onGpu ? "large " : "generated ") + KindInputs.Describe(kind, large), large)) failures++;
        }
        return failures;

        async Task<bool> CompareAsync(string kind, string label, JsonNode json)
        {
            var parsed = JobKindCatalog.BuiltIn.Find(kind)!.Parse(JsonSerializer.SerializeToElement(json));
            if (!parsed.IsValid)
            {
                Console.WriteLine($"FAIL {kind} [{label}]: the input does not validate: {parsed.Errors}");
                return false;
            }
            var input = parsed.Input!;

            var clock = Stopwatch.StartNew();
            var expected = await managed[kind].ExecuteAsync(input, CancellationToken.None);
            var cpuSeconds = clock.Elapsed.TotalSeconds;
            var actual = await ilgpu[kind].ExecuteAsync(input, CancellationToken.None); // also the warm-up (kernel compile)
            var difference = OutputComparison.Compare(expected, actual);
            var agrees = difference.Agrees();

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
                ? Inv($"PASS {kind} [{label}]: ILGPU = CPU engine (max relative difference {difference.Relative:E1})")
                : $"FAIL {kind} [{label}]: ILGPU ≠ CPU engine: {difference.Describe()}";
            Console.WriteLine(Inv($"{agreement}; {seconds * 1e3:F2} ms per job over {runs} run(s), CPU engine {cpuSeconds * 1e3:F2} ms (one cold run); {Rate(WorkOf(input), seconds, peakBandwidth, peakFlops)}"));
            return agrees;
        }
    }

    public static ServiceProvider Handlers(ComputeDevice device)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(device);
        services.AddComputeKinds();
        return services.BuildServiceProvider();
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

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
