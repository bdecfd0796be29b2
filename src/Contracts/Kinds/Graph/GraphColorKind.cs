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

    /// <summary>Cap on attempts × iterations: the search budget of one colour count, which keeps a job to seconds.</summary>
    public const long MaxTotalIterations = 100_000_000;

    public override string Name => JobKinds.GraphColor;

    public override void Validate(GraphColorInput input, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        GraphReader.Read(input, errors);
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
    }
}
