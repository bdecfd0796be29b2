namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>Input of <c>pwsa.fuse</c>: tracks of timed 3-D position measurements and the filter's noise levels.</summary>
public sealed record PwsaFuseInput
{
    public FuseTrack[]? Tracks { get; init; }

    /// <summary>Process noise spectral density q (per axis, white acceleration); &gt; 0.</summary>
    public double? ProcessNoise { get; init; }

    /// <summary>Measurement noise variance r (per axis); &gt; 0.</summary>
    public double? MeasurementNoise { get; init; }
}
