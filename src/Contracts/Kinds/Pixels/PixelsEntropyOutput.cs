namespace Prism.Contracts.Kinds.Pixels;

/// <summary>Output of <c>pixels.entropy</c>. Entropies are in bits.</summary>
public sealed record PixelsEntropyOutput
{
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required int Window { get; init; }
    public required int Bins { get; init; }

    /// <summary>Local entropy of each pixel's window, row-major, single precision.</summary>
    public required float[] EntropyMap { get; init; }
    public required double GlobalEntropy { get; init; }
    public required double MeanEntropy { get; init; }
    public required HotRegion[] HotRegions { get; init; }
}
