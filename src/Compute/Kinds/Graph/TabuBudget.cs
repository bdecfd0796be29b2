namespace Prism.Compute.Kinds.Graph;

/// <summary>How hard one colour count is tried: independent chains, iterations each, and the job's seed.</summary>
public readonly record struct TabuBudget(int Attempts, int Iterations, long Seed);
