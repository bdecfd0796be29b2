using System.Runtime.CompilerServices;

namespace Prism.Compute.Kinds.Graph;

/// <summary>
/// Managed CPU engine: the chains in parallel, one reusable workspace per worker thread (fewer
/// workers when the workspaces of a huge graph would pass <see cref="MaxWorkspaceInts"/>).
/// </summary>
public sealed class ColoringCpuEngine : IColoringEngine
{
    /// <summary>Most ints of γ + tabu tables held by all workers together (1 GiB).</summary>
    public const long MaxWorkspaceInts = 256L * 1024 * 1024;

    public Task<int[]?> ReduceAsync(ColoringGraph graph, int[] start, int colors, TabuBudget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(start);
        // A chain moves a vertex to another colour: one colour leaves no move.
        ArgumentOutOfRangeException.ThrowIfLessThan(colors, 2);
        var winner = new StrongBox<int>(int.MaxValue);
        var solutions = new int[budget.Attempts][];

        var options = ComputeThreads.Options(cancellationToken);
        options.MaxDegreeOfParallelism = (int)Math.Clamp(MaxWorkspaceInts / (2L * graph.VertexCount * colors), 1, Environment.ProcessorCount);
        Parallel.For(0, budget.Attempts, options,
            () => new TabuWorkspace(graph.VertexCount, colors),
            (chain, _, workspace) =>
            {
                if (Volatile.Read(ref winner.Value) < chain) return workspace;
                var status = TabuSearch.Run(graph, start, colors, budget.Iterations, budget.Seed, chain, workspace, winner, cancellationToken);
                if (status != TabuStatus.Solved) return workspace;
                solutions[chain] = (int[])workspace.Colors.Clone();
                int seen;
                while (chain < (seen = Volatile.Read(ref winner.Value)) && Interlocked.CompareExchange(ref winner.Value, chain, seen) != seen)
                {
                }
                return workspace;
            },
            _ => { });

        return Task.FromResult(winner.Value == int.MaxValue ? null : solutions[winner.Value]);
    }
}
