using BenchmarkDotNet.Attributes;
using Prism.Compute.Kinds.Pixels;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary><c>pixels.entropy</c> on a 1024×1024 frame, window 7, 32 bins: CPU engine vs. the plain loop.</summary>
[MemoryDiagnoser]
public class EntropyBenchmarks
{
    private const int Side = 1024, Window = 7, Bins = 32;
    private ushort[] _pixels = [];
    private BinnedFrame _frame = null!;
    private readonly EntropyCpuEngine _engine = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _pixels = new ushort[Side * Side];
        for (var i = 0; i < _pixels.Length; i++) _pixels[i] = (ushort)random.Next(0, 4096);
        _frame = EntropyMath.Bin(_pixels, Side, Side, Bins);
    }

    [Benchmark(Baseline = true, Description = "plain single-threaded loop")]
    public double[] Reference() => EntropyReference.LocalEntropy(_pixels, Side, Side, Window, Bins);

    [Benchmark(Description = "CPU engine")]
    public double[] CpuEngine() => _engine.LocalEntropyAsync(_frame, Window, CancellationToken.None).GetAwaiter().GetResult();
}
