namespace Prism.Contracts.Kinds.Pixels;

/// <summary>Input of <c>pixels.segment</c>: a row-major uint16 frame, a threshold and the connectivity.</summary>
public sealed record PixelsSegmentInput
{
    public int Width { get; init; }
    public int Height { get; init; }
    public ushort[]? Pixels { get; init; }

    /// <summary>Foreground is <c>v &gt;= threshold</c>; 0..65535, required.</summary>
    public int? Threshold { get; init; }

    /// <summary>Smallest area (pixels) an object must have to be reported.</summary>
    public int MinObjectSize { get; init; } = 1;

    /// <summary>4 (edge neighbours) or 8 (edge and corner neighbours).</summary>
    public int Connectivity { get; init; } = 8;

    /// <summary>Most objects listed in the output (the largest ones); <c>objectCount</c> still counts them all.</summary>
    public int MaxObjects { get; init; } = PixelsSegmentKind.DefaultMaxObjects;
}
