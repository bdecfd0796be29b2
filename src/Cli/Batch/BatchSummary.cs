namespace Prism.Cli.Batch;

/// <summary>What <c>prism submit-batch</c> prints at the end (the JSON of <c>--output json</c>).</summary>
public sealed record BatchSummary
{
    public required int Submitted { get; init; }
    public required int Succeeded { get; init; }
    public required int Failed { get; init; }
    public required int Cancelled { get; init; }
    public required int Unfinished { get; init; }

    /// <summary>From the first submit to the last job finished (or to the last submit with <c>--no-wait</c>).</summary>
    public required double Seconds { get; init; }

    /// <summary>Finished jobs per second (submitted per second with <c>--no-wait</c>).</summary>
    public required double JobsPerSecond { get; init; }
    public required IReadOnlyList<KindCounts> Kinds { get; init; }

    /// <summary>The first jobs that did not succeed, with their line in the file.</summary>
    public required IReadOnlyList<BatchFailure> Failures { get; init; }

    public bool AllSucceeded => Succeeded == Submitted;
}
