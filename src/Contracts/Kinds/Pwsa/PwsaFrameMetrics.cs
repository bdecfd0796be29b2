namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>Whole-frame figures of <c>pwsa.detect</c>. Entropies are in bits over the frame's intensity bins.</summary>
public sealed record PwsaFrameMetrics
{
    /// <summary>Shannon entropy of the frame's bin histogram.</summary>
    public required double Entropy { get; init; }

    /// <summary>H(bin of a pixel | bin of its left neighbour), over all horizontally adjacent pairs; 0 when width is 1.</summary>
    public required double EntropyRate { get; init; }

    /// <summary>Mean of the local entropy map.</summary>
    public required double MeanLocalEntropy { get; init; }

    /// <summary>Number of intensity bins the entropies use.</summary>
    public required int Bins { get; init; }

    /// <summary>Side of the local entropy window.</summary>
    public required int Window { get; init; }
    public required double Mean { get; init; }

    /// <summary>Population standard deviation of the pixel values.</summary>
    public required double StdDev { get; init; }
    public required int Min { get; init; }
    public required int Max { get; init; }

    /// <summary>Share of pixels with <c>v &gt;= threshold</c>.</summary>
    public required double ForegroundFraction { get; init; }

    /// <summary>Mean of the pixels below the threshold (0 when there are none).</summary>
    public required double BackgroundMean { get; init; }

    /// <summary>Population standard deviation of the pixels below the threshold (0 when there are none).</summary>
    public required double BackgroundStdDev { get; init; }
}
