namespace Prism.Compute.Kinds.Robotics;

/// <summary>
/// Which node pairs see each other: bit j of row i for i &lt; j (the upper triangle; the relation is
/// symmetric). Rows are 64-bit words, so V = 24,002 nodes take about 72 MB.
/// </summary>
public sealed class VisibilityMatrix
{
    public VisibilityMatrix(int nodeCount)
    {
        NodeCount = nodeCount;
        WordsPerRow = (nodeCount + 63) / 64;
        Words = new ulong[(long)nodeCount * WordsPerRow];
    }

    public int NodeCount { get; }
    public int WordsPerRow { get; }
    public ulong[] Words { get; }

    /// <summary>Marks i and j as mutually visible (i &lt; j). Not thread-safe across writers of the same row.</summary>
    public void Set(int i, int j) => Words[(long)i * WordsPerRow + (j >> 6)] |= 1UL << (j & 63);

    public bool Visible(int a, int b)
    {
        if (a == b) return true;
        var (i, j) = a < b ? (a, b) : (b, a);
        return (Words[(long)i * WordsPerRow + (j >> 6)] & (1UL << (j & 63))) != 0;
    }

    /// <summary>Count of visible pairs (i &lt; j).</summary>
    public long PairCount()
    {
        long count = 0;
        foreach (var word in Words) count += System.Numerics.BitOperations.PopCount(word);
        return count;
    }
}
