namespace Prism.Compute.Kinds.Graph;

/// <summary>
/// Brélaz's DSatur: colour next the uncoloured vertex with the most distinct neighbour colours
/// (ties: higher degree, then lower index) with the smallest colour its neighbours lack. A sorted
/// set keeps the choice O(log n), so a 10,000-vertex, million-edge graph colours in well under a second.
/// </summary>
public static class Dsatur
{
    public static int[] Color(ColoringGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        var colors = new int[n];
        Array.Fill(colors, -1);
        var saturation = new int[n];
        // Colours seen around each vertex, as a growable bit set per vertex.
        var seen = new ulong[n][];
        var queue = new SortedSet<(int Saturation, int Degree, int Vertex)>(Comparer<(int Saturation, int Degree, int Vertex)>.Create(
            (a, b) => a.Saturation != b.Saturation ? b.Saturation.CompareTo(a.Saturation)
                : a.Degree != b.Degree ? b.Degree.CompareTo(a.Degree)
                : a.Vertex.CompareTo(b.Vertex)));
        for (var v = 0; v < n; v++)
        {
            seen[v] = [];
            queue.Add((0, graph.Degree(v), v));
        }

        while (queue.Count > 0)
        {
            var next = queue.Min;
            queue.Remove(next);
            var v = next.Vertex;
            var color = SmallestAbsent(seen[v]);
            colors[v] = color;
            foreach (var u in graph.NeighborsOf(v))
            {
                if (colors[u] >= 0 || Has(seen[u], color)) continue;
                queue.Remove((saturation[u], graph.Degree(u), u));
                Set(ref seen[u], color);
                saturation[u]++;
                queue.Add((saturation[u], graph.Degree(u), u));
            }
        }
        return colors;
    }

    private static bool Has(ulong[] bits, int color) => (color >> 6) < bits.Length && (bits[color >> 6] & (1UL << (color & 63))) != 0;

    private static void Set(ref ulong[] bits, int color)
    {
        if ((color >> 6) >= bits.Length) Array.Resize(ref bits, (color >> 6) + 1);
        bits[color >> 6] |= 1UL << (color & 63);
    }

    private static int SmallestAbsent(ulong[] bits)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            if (bits[w] != ulong.MaxValue) return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(~bits[w]);
        }
        return bits.Length << 6;
    }
}
