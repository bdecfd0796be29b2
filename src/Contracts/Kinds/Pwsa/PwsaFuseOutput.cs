namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>Output of <c>pwsa.fuse</c>: one filtered state per input track, in input order.</summary>
public sealed record PwsaFuseOutput
{
    public required FusedTrack[] Tracks { get; init; }
}
