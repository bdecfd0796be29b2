namespace Prism.Compute.Kinds.Pixels;

/// <summary>Scalars of <see cref="SegmentKernels"/>, passed by value.</summary>
public readonly record struct SegmentKernelParams(int Width, int Threshold, int Connectivity);
