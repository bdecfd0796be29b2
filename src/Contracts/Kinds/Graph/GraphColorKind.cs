using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Graph;

/// <summary>Schema of <c>graph.color</c>.</summary>
public sealed class GraphColorKind : JobKind<GraphColorInput>
{
    public const int MaxVertices = 10_000;

    /// <summary>Most edges listed (before duplicates and reverse directions are merged).</summary>
    public const int MaxEdges = 1_000_000;

    /// <summary>Longest DIMACS text accepted (a million edge lines fit).</summary>
    public const int MaxDimacsChars = 24_000_000;

    public const int DefaultAttempts = 16;
    public const int MaxAttempts = 256;
    public const int DefaultIterations = 200_000;
    public const int MaxIterations = 5_000_000;

    /// <summary>Cap on attempts × iterations: the search budget of one colour count.</summary>
    public const long MaxTotalIterations = 100_000_000;

    /// <summary>
    /// Most work per job, measured as attempts × iterations × √vertices: a tabu move scans the
    /// conflicting vertices × k colours, and that per-move cost grew about as √vertices in the
    /// measurements (125, 250, 1,000 and 10,000 vertices; docs/security.md, "Work per job"), so this keeps
    /// every accepted job to about a minute on the CPU engine however the graph is shaped.
    /// </summary>
    public const double MaxWork = 5e8;

    public override string Name => JobKinds.GraphColor;

    public override void Validate(GraphColorInput input, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var graph = GraphReader.Read(input, errors);
        if (input.MaxColors is { } maxColors)
        {
            errors.Range(".maxColors", maxColors, 1, MaxVertices);
        }
        var attemptsOk = errors.Range(".attempts", input.Attempts, 1, MaxAttempts);
        var iterationsOk = errors.Range(".iterations", input.Iterations, 1, MaxIterations);
        if (attemptsOk && iterationsOk && (long)input.Attempts * input.Iterations > MaxTotalIterations)
        {
            errors.Add(".iterations", $"attempts × iterations may be at most {MaxTotalIterations} (was {(long)input.Attempts * input.Iterations}).");
        }
        else if (graph is not null && attemptsOk && iterationsOk && Work(input, graph.VertexCount) > MaxWork)
        {
            errors.Add(".iterations", $"the work attempts × iterations × √vertices = {input.Attempts} × {input.Iterations} × √{graph.VertexCount} = {Work(input, graph.VertexCount):0.###e0} exceeds {MaxWork:0e0}; lower iterations or attempts.");
        }
    }

    /// <summary>The work of one job on a graph of <paramref name="vertices"/>, <see cref="MaxWork"/> at most once valid.</summary>
    public static double Work(GraphColorInput input, int vertices)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (double)input.Attempts * input.Iterations * Math.Sqrt(vertices);
    }
}
