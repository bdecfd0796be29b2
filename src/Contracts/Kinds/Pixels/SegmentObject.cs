namespace Prism.Contracts.Kinds.Pixels;

/// <summary>One connected component of foreground pixels.</summary>
public sealed record SegmentObject
{
    /// <summary>1-based position in the output order (area descending, then first pixel in row-major order).</summary>
    public required int Id { get; init; }
    public required int Area { get; init; }

    /// <summary>[x, y]: unweighted mean of the pixel coordinates.</summary>
    public required double[] Centroid { get; init; }

    /// <summary>[x, y, width, height] with width = maxX − minX + 1 and height = maxY − minY + 1.</summary>
    public required int[] BoundingBox { get; init; }
    public required double MeanIntensity { get; init; }
    public required int MaxIntensity { get; init; }
}
