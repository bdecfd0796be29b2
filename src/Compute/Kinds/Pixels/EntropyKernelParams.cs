namespace Prism.Compute.Kinds.Pixels;

/// <summary>Scalars of <see cref="EntropyKernels.LocalEntropy"/>, passed by value.</summary>
public readonly record struct EntropyKernelParams(int Width, int Height, int Radius);
