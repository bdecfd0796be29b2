namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>Output of <c>pwsa.detect</c>.</summary>
public sealed record PwsaDetectOutput
{
    /// <summary>The input's space vehicle id, echoed.</summary>
    public required string SvId { get; init; }

    /// <summary>The input's timestamp, echoed as given.</summary>
    public required string Timestamp { get; init; }

    /// <summary>In segmentation order (area descending, then first pixel); at most <c>maxDetections</c>.</summary>
    public required PwsaDetection[] Detections { get; init; }

    /// <summary>Every object with area ≥ <c>minObjectSize</c>, listed or not.</summary>
    public required int DetectionCount { get; init; }

    /// <summary>True when <see cref="DetectionCount"/> exceeds the number listed.</summary>
    public required bool Truncated { get; init; }
    public required PwsaFrameMetrics FrameMetrics { get; init; }
}
