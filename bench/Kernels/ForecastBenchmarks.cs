using BenchmarkDotNet.Attributes;
using Prism.Compute.Kinds.Timeseries;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary><c>timeseries.forecast</c> on 1,000 series × 500 points, AR(8), 50 steps: CPU engine vs. the plain QR fit.</summary>
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private const int Series = 1_000, Length = 500, Order = 8, Horizon = 50;
    private static readonly double Z = NormalQuantile.TwoSided(0.95);
    private double[][] _series = [];
    private ForecastBatch _batch = null!;
    private readonly ForecastCpuEngine _engine = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _series = new double[Series][];
        for (var k = 0; k < Series; k++)
        {
            var x = new double[Length];
            for (var t = 0; t < Length; t++)
            {
                x[t] = 50 + random.NextDouble() - 0.5;
                if (t >= 2) x[t] += 0.6 * (x[t - 1] - 50) - 0.3 * (x[t - 2] - 50);
            }
            _series[k] = x;
        }
        _batch = ForecastBatch.From(_series);
    }

    [Benchmark(Baseline = true, Description = "plain single-threaded QR fit")]
    public double Reference()
    {
        double sum = 0;
        foreach (var x in _series) sum += ForecastReference.Forecast(x, Order, Horizon, Z).Mean[0];
        return sum;
    }

    [Benchmark(Description = "CPU engine")]
    public ArForecasts CpuEngine() => _engine.ForecastAsync(_batch, Order, Horizon, Z, CancellationToken.None).GetAwaiter().GetResult();
}
