namespace Prism.Contracts.Kinds.Pixels;

/// <summary>Input of <c>pixels.entropy</c>: a row-major uint16 frame and the local window.</summary>
public sealed record PixelsEntropyInput
{
    public int Width { get; init; }
    public int Height { get; init; }
    public ushort[]? Pixels { get; init; }

    /// <summary>Side of the square window centred on each pixel; odd, 3..63.</summary>
    public int Window { get; init; } = 7;

    /// <summary>Number of intensity bins, 2..256.</summary>
    public int Bins { get; init; } = 32;
}
