namespace Prism.Compute.Kinds.Pixels;

/// <summary>A frame whose pixels were replaced by their intensity bin (0..bins-1), row-major.</summary>
public sealed record BinnedFrame(int Width, int Height, int Bins, byte[] BinOf);
