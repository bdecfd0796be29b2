namespace Prism.Compute.Kinds.Pixels;

/// <summary>The heavy part of <c>pixels.segment</c>: connected-component labelling of a thresholded frame.</summary>
public interface ISegmentEngine
{
    /// <summary>
    /// Labels every pixel: −1 for background (<c>v &lt; threshold</c>), otherwise the row-major index of
    /// its component's first pixel. This canonical label does not depend on the algorithm, so both
    /// engines return identical arrays.
    /// </summary>
    Task<int[]> LabelAsync(ushort[] pixels, int width, int height, int threshold, int connectivity, CancellationToken cancellationToken);
}
