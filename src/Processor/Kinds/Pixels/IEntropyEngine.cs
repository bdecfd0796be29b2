namespace Prism.Processor.Kinds.Pixels;

/// <summary>The heavy part of <c>pixels.entropy</c>: the local entropy of every pixel's window.</summary>
public interface IEntropyEngine
{
    /// <summary>Local entropy in bits for each pixel of a binned frame (bin indices, row-major).</summary>
    Task<double[]> LocalEntropyAsync(BinnedFrame frame, int window, CancellationToken cancellationToken);
}
