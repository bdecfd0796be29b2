using BenchmarkDotNet.Attributes;
using Prism.Compute.Kinds.Pixels;
using Prism.Compute.Kinds.Pwsa;
using Prism.Contracts.Kinds.Pwsa;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary>
/// <c>pwsa.detect</c> on a 1024×1024 IR frame (the segment benchmark's blob frame): handler on the CPU
/// engines (segmentation, local entropy, metrics, classification) vs. the plain single-threaded reference.
/// </summary>
[MemoryDiagnoser]
public class PwsaDetectBenchmarks
{
    private const int Side = 1024;
    private PwsaDetectInput _input = null!;
    private readonly PwsaDetectHandler _handler = new(new SegmentCpuEngine(), new EntropyCpuEngine());

    [GlobalSetup]
    public void Setup() => _input = new PwsaDetectInput
    {
        SvId = "SV-1",
        Timestamp = "2025-03-01T12:00:00Z",
        IrFrame = new PwsaIrFrame { Width = Side, Height = Side, Pixels = SegmentBenchmarks.BlobFrame(Side, seed: 42) },
        Threshold = 1500,
        MinObjectSize = 4,
    };

    [Benchmark(Baseline = true, Description = "plain single-threaded reference")]
    public PwsaDetectOutput Reference() => PwsaDetectReference.Detect(_input);

    [Benchmark(Description = "CPU engines")]
    public PwsaDetectOutput CpuEngines() => (PwsaDetectOutput)_handler.ExecuteAsync(_input, CancellationToken.None).GetAwaiter().GetResult();
}
