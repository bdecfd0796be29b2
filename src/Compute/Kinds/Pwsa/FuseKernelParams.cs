namespace Prism.Compute.Kinds.Pwsa;

/// <summary>Scalars of <see cref="FuseKernels.Filter"/>, passed by value.</summary>
public readonly record struct FuseKernelParams(double ProcessNoise, double MeasurementNoise);
