namespace Prism.KindReferences;

/// <summary>
/// Plain single-threaded colouring, written for clarity on an adjacency matrix: DSatur by linear scans
/// (the benchmark baseline and a cross-check of <see cref="Compute.Kinds.Graph.Dsatur"/>), and the exact chromatic number
/// by backtracking for small graphs (what tests hold the heuristic search to).
/// </summary>
public static class ColoringReference
{
    public static bool[,] AdjacencyMatrix(int vertexCount, IEnumerable<(int U, int V)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var adjacent = new bool[vertexCount, vertexCount];
        foreach (var (u, v) in edges)
        {
            adjacent[u, v] = true;
            adjacent[v, u] = true;
        }
        return adjacent;
    }

    /// <summary>DSatur: most distinct neighbour colours first, then highest degree, then lowest index; smallest free colour.</summary>
    public static int[] Dsatur(bool[,] adjacent)
    {
        ArgumentNullException.ThrowIfNull(adjacent);
        var n = adjacent.GetLength(0);
        var colors = Enumerable.Repeat(-1, n).ToArray();
        var degree = new int[n];
        for (var v = 0; v < n; v++)
            for (var u = 0; u < n; u++)
                if (adjacent[v, u]) degree[v]++;

        for (var step = 0; step < n; step++)
        {
            int pick = -1, pickSaturation = -1;
            for (var v = 0; v < n; v++)
            {
                if (colors[v] >= 0) continue;
                var saturation = NeighbourColours(adjacent, colors, v).Count;
                if (saturation > pickSaturation || (saturation == pickSaturation && degree[v] > degree[pick]))
                {
                    pick = v;
                    pickSaturation = saturation;
                }
            }
            var used = NeighbourColours(adjacent, colors, pick);
            var color = 0;
            while (used.Contains(color)) color++;
            colors[pick] = color;
        }
        return colors;
    }

    /// <summary>The chromatic number by trying k = 1, 2, … with backtracking; exponential, for small graphs only.</summary>
    public static int ChromaticNumber(bool[,] adjacent)
    {
        ArgumentNullException.ThrowIfNull(adjacent);
        var n = adjacent.GetLength(0);
        for (var k = 1; ; k++)
        {
            var colors = Enumerable.Repeat(-1, n).ToArray();
            if (Extend(adjacent, colors, 0, k, 0)) return k;
        }
    }

    private static bool Extend(bool[,] adjacent, int[] colors, int v, int k, int used)
    {
        if (v == colors.Length) return true;
        // A new vertex may open at most one new colour: colourings equal up to renaming are tried once.
        for (var c = 0; c < Math.Min(k, used + 1); c++)
        {
            var free = true;
            for (var u = 0; u < v && free; u++) free = !(adjacent[v, u] && colors[u] == c);
            if (!free) continue;
            colors[v] = c;
            if (Extend(adjacent, colors, v + 1, k, Math.Max(used, c + 1))) return true;
        }
        colors[v] = -1;
        return false;
    }

    private static HashSet<int> NeighbourColours(bool[,] adjacent, int[] colors, int v)
    {
        var set = new HashSet<int>();
        for (var u = 0; u < colors.Length; u++)
        {
            if (adjacent[v, u] && colors[u] >= 0) set.Add(colors[u]);
        }
        return set;
    }
}
