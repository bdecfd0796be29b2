namespace Prism.Compute.Kinds.Telecom;

/// <summary>Scalars of <see cref="ShortestPathKernels.Relax"/>, passed by value.</summary>
public readonly record struct ShortestPathKernelParams(int Nodes);
