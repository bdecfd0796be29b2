namespace Prism.Cli.Batch;

/// <summary>How the jobs of one kind (or all of them) ended.</summary>
public sealed record KindCounts
{
    public required string Kind { get; init; }
    public int Submitted { get; init; }
    public int Succeeded { get; init; }
    public int Failed { get; init; }
    public int Cancelled { get; init; }

    /// <summary>Still queued or running when the wait ended.</summary>
    public int Unfinished { get; init; }
}
