namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>One track of <c>pwsa.fuse</c>: its id and its measurements, times strictly increasing.</summary>
public sealed record FuseTrack
{
    public string? TrackId { get; init; }
    public FuseMeasurement[]? Measurements { get; init; }
}
