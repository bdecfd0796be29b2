namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>Input of <c>pwsa.detect</c>: one space vehicle's IR frame at one instant.</summary>
public sealed record PwsaDetectInput
{
    /// <summary>Space vehicle id: 1..64 characters from letters, digits, '.', '_', ':' and '-'.</summary>
    public string? SvId { get; init; }

    /// <summary>ISO 8601 date and time with a UTC offset, e.g. <c>2025-03-01T12:00:00.250Z</c>.</summary>
    public string? Timestamp { get; init; }
    public PwsaIrFrame? IrFrame { get; init; }

    /// <summary>Foreground is <c>v &gt;= threshold</c>; 0..65535, required.</summary>
    public int? Threshold { get; init; }
    public int MinObjectSize { get; init; } = 1;

    /// <summary>Most detections listed (the largest objects); <c>detectionCount</c> still counts them all.</summary>
    public int MaxDetections { get; init; } = PwsaDetectKind.DefaultMaxDetections;
}
