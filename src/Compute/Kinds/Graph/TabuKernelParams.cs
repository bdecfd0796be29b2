namespace Prism.Compute.Kinds.Graph;

/// <summary>
/// Scalars of <see cref="ColoringKernels.TabuSearch"/>, passed by value. <c>FirstChain</c> is the number
/// of the launch's thread 0 (launches are batched to bound device memory).
/// </summary>
public readonly record struct TabuKernelParams(int VertexCount, int Colors, int MaxIterations, long Seed, int FirstChain);
