namespace Prism.Compute.Kinds.Causal;

/// <summary>Scalars of <see cref="TransferEntropyKernels.PairEntropy"/>, passed by value.</summary>
public readonly record struct TransferEntropyKernelParams(int SeriesCount, int SampleCount, int Bins);
