namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>One detected object: a segmentation object of the frame, its features and its threat class.</summary>
public sealed record PwsaDetection
{
    public required int Id { get; init; }

    /// <summary>[x, y]: unweighted mean of the pixel coordinates.</summary>
    public required double[] Centroid { get; init; }
    public required int Area { get; init; }

    /// <summary>[x, y, width, height].</summary>
    public required int[] BoundingBox { get; init; }
    public required double MeanIntensity { get; init; }
    public required int MaxIntensity { get; init; }

    /// <summary>Mean over the object's pixels of the local entropy map (bits).</summary>
    public required double LocalEntropy { get; init; }

    /// <summary>(meanIntensity − backgroundMean) / max(backgroundStdDev, 1).</summary>
    public required double Contrast { get; init; }

    /// <summary>One of <see cref="ThreatTypes"/>.</summary>
    public required string ThreatType { get; init; }

    /// <summary>0.5 + 0.5·tanh(margin) in [0.5, 1): how far the features are past the class's thresholds.</summary>
    public required double Confidence { get; init; }
}
