using BenchmarkDotNet.Attributes;
using Prism.Compute.Kinds.Pwsa;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary><c>pwsa.fuse</c> on 10,000 tracks × 50 measurements: CPU engine vs. the plain 6×6 matrix filter.</summary>
[MemoryDiagnoser]
public class FuseBenchmarks
{
    private const int Tracks = 10_000, Measurements = 50;
    private const double Q = 0.1, R = 4;
    private double[][] _times = [];
    private double[][][] _positions = [];
    private FuseBatch _batch = null!;
    private readonly FuseCpuEngine _engine = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _times = new double[Tracks][];
        _positions = new double[Tracks][][];
        var offsets = new int[Tracks + 1];
        var times = new double[Tracks * Measurements];
        var positions = new double[3 * Tracks * Measurements];
        for (var k = 0; k < Tracks; k++)
        {
            offsets[k + 1] = offsets[k] + Measurements;
            _times[k] = new double[Measurements];
            _positions[k] = new double[Measurements][];
            var t = random.NextDouble();
            double[] v = [random.NextDouble() * 200 - 100, random.NextDouble() * 200 - 100, random.NextDouble() * 20 - 10];
            for (var j = 0; j < Measurements; j++)
            {
                t += 0.5 + random.NextDouble();
                _times[k][j] = times[k * Measurements + j] = t;
                _positions[k][j] = [v[0] * t + random.NextDouble(), v[1] * t + random.NextDouble(), v[2] * t + random.NextDouble()];
                _positions[k][j].CopyTo(positions, 3 * (k * Measurements + j));
            }
        }
        _batch = new FuseBatch(offsets, times, positions);
    }

    [Benchmark(Baseline = true, Description = "plain single-threaded 6x6 filter")]
    public double Reference()
    {
        double sum = 0;
        for (var k = 0; k < Tracks; k++) sum += FuseReference.Filter(_times[k], _positions[k], Q, R).Position[0];
        return sum;
    }

    [Benchmark(Description = "CPU engine")]
    public double[] CpuEngine() => _engine.FilterAsync(_batch, Q, R, CancellationToken.None).GetAwaiter().GetResult();
}
