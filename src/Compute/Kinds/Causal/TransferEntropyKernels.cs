using ILGPU;

namespace Prism.Compute.Kinds.Causal;

/// <summary>ILGPU kernels of <c>causal.transfer-entropy</c>.</summary>
public static class TransferEntropyKernels
{
    /// <summary>Most bins a series has (the schema's limit); a thread's histograms take (32² + 32)·4 bytes.</summary>
    public const int MaxBins = 32;

    /// <summary>
    /// One thread per ordered pair, index = y·K + x, so the threads of a warp share the target y:
    /// they walk the same sample order (broadcast reads of <paramref name="order"/> and
    /// <paramref name="ahead"/>) and read adjacent sources from the time-major bins (coalesced).
    /// Per group of the target's present state b, a bins² (a, c) histogram and a bins (c) histogram
    /// in local memory give the S_abc and S_bc terms (same algorithm as the CPU engine), so no
    /// bins³ histogram is ever needed and bins up to 32 run on the GPU.
    /// </summary>
    public static void PairEntropy(
        Index1D index,
        ArrayView<byte> sourceBinsByTime,
        ArrayView<int> order,
        ArrayView<byte> ahead,
        ArrayView<int> groupStart,
        ArrayView<long> targetTerms,
        ArrayView<long> countLog,
        ArrayView<double> matrix,
        TransferEntropyKernelParams p)
    {
        int k = p.SeriesCount, n = p.SampleCount, bins = p.Bins;
        int y = index / k, x = index % k;
        if (x == y)
        {
            matrix[x * k + y] = 0;
            return;
        }

        var joint = LocalMemory.Allocate<int>(MaxBins * MaxBins);
        var source = LocalMemory.Allocate<int>(MaxBins);
        for (var i = 0; i < bins * bins; i++) joint[i] = 0;
        for (var i = 0; i < bins; i++) source[i] = 0;

        var sum = targetTerms[y];
        long orderBase = (long)y * n;
        var startBase = y * (bins + 1);
        for (var b = 0; b < bins; b++)
        {
            int from = groupStart[startBase + b], to = groupStart[startBase + b + 1];
            for (var j = from; j < to; j++)
            {
                int c = sourceBinsByTime[(long)order[orderBase + j] * k + x];
                joint[ahead[orderBase + j] * bins + c]++;
                source[c]++;
            }
            for (var j = from; j < to; j++)
            {
                int c = sourceBinsByTime[(long)order[orderBase + j] * k + x];
                var key = ahead[orderBase + j] * bins + c;
                sum += countLog[joint[key]];
                joint[key] = 0;
                sum -= countLog[source[c]];
                source[c] = 0;
            }
        }
        matrix[x * k + y] = TransferEntropyMath.Bits(sum, n);
    }
}
