namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>A track's constant-velocity Kalman state after its last measurement.</summary>
public sealed record FusedTrack
{
    public required string TrackId { get; init; }

    /// <summary>Estimated position [x, y, z].</summary>
    public required double[] Position { get; init; }

    /// <summary>Estimated velocity [vx, vy, vz] per second.</summary>
    public required double[] Velocity { get; init; }

    /// <summary>Square roots of the position entries of the covariance diagonal.</summary>
    public required double[] PositionSigma { get; init; }

    /// <summary>Square roots of the velocity entries of the covariance diagonal.</summary>
    public required double[] VelocitySigma { get; init; }

    /// <summary>Time (seconds) of the track's last measurement.</summary>
    public required double UpdatedAt { get; init; }

    public required int MeasurementsUsed { get; init; }
}
