namespace Prism.Compute.Kinds.Pixels;

/// <summary>The heavy part of <c>pixels.entropy</c>: the local entropy of every pixel's window.</summary>
public interface IEntropyEngine
{
    /// <summary>Local entropy in bits for each pixel of a binned frame (bin indices, row-major).</summary>
    Task<double[]> LocalEntropyAsync(BinnedFrame frame, int window, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="LocalEntropyAsync"/> for many frames in one engine call (one kernel launch per
    /// frame shape); each map equals the one the frame alone would get.
    /// </summary>
    Task<double[][]> LocalEntropyBatchAsync(IReadOnlyList<EntropyFrameJob> frames, CancellationToken cancellationToken);
}

/// <summary>One frame of a batch and its window.</summary>
public readonly record struct EntropyFrameJob(BinnedFrame Frame, int Window);
