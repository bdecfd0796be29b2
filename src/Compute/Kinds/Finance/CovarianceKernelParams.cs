namespace Prism.Compute.Kinds.Finance;

/// <summary>Scalars of <see cref="CovarianceKernels.Covariance"/>, passed by value.</summary>
public readonly record struct CovarianceKernelParams(int Periods, int Assets);
