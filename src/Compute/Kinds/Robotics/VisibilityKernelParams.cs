namespace Prism.Compute.Kinds.Robotics;

/// <summary>Scalars of <see cref="VisibilityKernels.Visibility"/>: the launch covers rows FirstRow.. of the V×V pair grid.</summary>
public readonly record struct VisibilityKernelParams(int NodeCount, int ObstacleCount, int WordsPerRow, int FirstRow);
