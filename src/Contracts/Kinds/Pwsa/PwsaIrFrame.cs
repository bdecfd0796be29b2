namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>A row-major uint16 infrared frame.</summary>
public sealed record PwsaIrFrame
{
    public int Width { get; init; }
    public int Height { get; init; }
    public ushort[]? Pixels { get; init; }
}
