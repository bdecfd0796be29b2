namespace Prism.Compute.Kinds.Graph;

/// <summary>The heavy part of <c>graph.color</c>: many TabuCol chains trying one colour fewer.</summary>
public interface IColoringEngine
{
    /// <summary>
    /// Runs <see cref="TabuBudget.Attempts"/> chains, each recolouring the class <paramref name="colors"/>
    /// of <paramref name="start"/> (a proper colouring with colours 0..<paramref name="colors"/>) and
    /// searching for a conflict-free colouring with <paramref name="colors"/> colours. Returns that of
    /// the lowest-numbered chain that succeeded — deterministic whatever the scheduling — or null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="colors"/> is below 2.</exception>
    Task<int[]?> ReduceAsync(ColoringGraph graph, int[] start, int colors, TabuBudget budget, CancellationToken cancellationToken);
}
