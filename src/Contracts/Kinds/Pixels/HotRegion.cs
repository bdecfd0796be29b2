namespace Prism.Contracts.Kinds.Pixels;

/// <summary>
/// An 8-connected region of pixels whose local entropy is at least mean + one standard deviation
/// of the entropy map. Up to 8 are reported, largest total entropy first.
/// </summary>
public sealed record HotRegion
{
    /// <summary>Bounding box: [x, y, width, height].</summary>
    public required int[] BoundingBox { get; init; }
    public required double[] Centroid { get; init; }
    public required int Area { get; init; }
    public required double MeanEntropy { get; init; }
    public required double MaxEntropy { get; init; }
}
