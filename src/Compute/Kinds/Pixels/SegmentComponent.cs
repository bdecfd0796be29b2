namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// The measured features of one labelled component. <see cref="First"/> is its first pixel in
/// row-major order (its label); <see cref="MeanOfMap"/> is the mean over its pixels of an optional
/// per-pixel map (0 when none was given).
/// </summary>
public sealed record SegmentComponent(
    int First,
    int Area,
    double CentroidX,
    double CentroidY,
    int MinX,
    int MinY,
    int MaxX,
    int MaxY,
    double MeanIntensity,
    int MaxIntensity,
    double MeanOfMap)
{
    public int BoxWidth => MaxX - MinX + 1;
    public int BoxHeight => MaxY - MinY + 1;
}
