namespace Prism.Compute.Kinds.Pwsa;

/// <summary>The heavy part of <c>pwsa.fuse</c>: run every track's Kalman filter.</summary>
public interface IFuseEngine
{
    /// <summary>
    /// Filters each track of <paramref name="batch"/>; returns <see cref="FuseMath.OutputStride"/> doubles
    /// per track: position xyz, velocity xyz, position σ xyz, velocity σ xyz.
    /// </summary>
    Task<double[]> FilterAsync(FuseBatch batch, double q, double r, CancellationToken cancellationToken);
}
