namespace Prism.Compute.Kinds.Causal;

/// <summary>
/// The binned series arranged for the per-pair counting, with N = L − lag samples per series:
/// <list type="bullet">
/// <item><c>SourceBins[x·L + t]</c> and <c>SourceBinsByTime[t·K + x]</c>: bin of series x at time t
/// (the time-major copy lets GPU threads that share a target read adjacent sources).</item>
/// <item>For target y, samples t = 0..N−1 sorted by the present state b = y[t] (counting sort):
/// <c>Order[y·N + j]</c> is the j-th sample's t, <c>Ahead[y·N + j]</c> its future state
/// a = y[t + lag], and <c>GroupStart[y·(bins+1) + b]</c> where the group of b begins.</item>
/// <item><c>TargetTerms[y]</c> = Σ_b c_b·log2 c_b − Σ_(a,b) c_ab·log2 c_ab in fixed point: the part of
/// TE that depends on the target only.</item>
/// <item><c>CountLog[c]</c> = round(c·log2 c · 2^40), c = 0..N.</item>
/// </list>
/// </summary>
public sealed record TransferEntropyBatch(
    int SeriesCount,
    int Length,
    int Lag,
    int Bins,
    byte[] SourceBins,
    byte[] SourceBinsByTime,
    int[] Order,
    byte[] Ahead,
    int[] GroupStart,
    long[] TargetTerms,
    long[] CountLog)
{
    public int SampleCount => Length - Lag;
}
