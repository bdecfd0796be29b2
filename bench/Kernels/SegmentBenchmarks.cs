using BenchmarkDotNet.Attributes;
using Prism.Compute.Kinds.Pixels;
using Prism.Contracts.Kinds.Pixels;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary>
/// <c>pixels.segment</c> on a 1024×1024 frame (300 Gaussian blobs over noise, 8-connectivity):
/// CPU engine plus host measurement vs. the plain flood fill.
/// </summary>
[MemoryDiagnoser]
public class SegmentBenchmarks
{
    private const int Side = 1024, Threshold = 1500, Connectivity = 8;
    private ushort[] _pixels = [];
    private readonly SegmentCpuEngine _engine = new();

    [GlobalSetup]
    public void Setup() => _pixels = BlobFrame(Side, seed: 42);

    [Benchmark(Baseline = true, Description = "plain flood fill")]
    public SegmentObject[] Reference() => SegmentReference.Segment(_pixels, Side, Side, Threshold, Connectivity, minObjectSize: 1);

    [Benchmark(Description = "CPU engine")]
    public PixelsSegmentOutput CpuEngine()
    {
        var labels = _engine.LabelAsync(_pixels, Side, Side, Threshold, Connectivity, CancellationToken.None).GetAwaiter().GetResult();
        return SegmentMath.ToOutput(SegmentMath.Measure(_pixels, labels, Side, 1), PixelsSegmentKind.MaxObjectsLimit);
    }

    /// <summary>Noise 0..1000 plus Gaussian blobs of amplitude 3000 and σ 2..24 pixels.</summary>
    internal static ushort[] BlobFrame(int side, int seed)
    {
        var random = new Random(seed);
        var frame = new double[side * side];
        for (var i = 0; i < frame.Length; i++) frame[i] = random.Next(0, 1001);
        for (var b = 0; b < 300; b++)
        {
            double cx = random.Next(side), cy = random.Next(side), sigma = 2 + random.NextDouble() * 22;
            var reach = (int)(3 * sigma);
            for (var y = Math.Max(0, (int)cy - reach); y < Math.Min(side, (int)cy + reach); y++)
                for (var x = Math.Max(0, (int)cx - reach); x < Math.Min(side, (int)cx + reach); x++)
                    frame[y * side + x] += 3000 * Math.Exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma));
        }
        return [.. frame.Select(v => (ushort)Math.Min(ushort.MaxValue, v))];
    }
}
