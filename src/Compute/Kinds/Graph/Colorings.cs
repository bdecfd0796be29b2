namespace Prism.Compute.Kinds.Graph;

/// <summary>Checks and renumbering of colourings, shared by the handler, tests and benchmarks.</summary>
public static class Colorings
{
    /// <summary>Edges whose two ends share a colour, counted straight from the edge list.</summary>
    public static int Conflicts(ColoringGraph graph, int[] colors)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(colors);
        var edges = graph.Edges;
        var conflicts = 0;
        for (var i = 0; i < edges.EdgeCount; i++)
        {
            if (colors[edges.EdgeU[i]] == colors[edges.EdgeV[i]]) conflicts++;
        }
        return conflicts;
    }

    public static int Count(int[] colors)
    {
        ArgumentNullException.ThrowIfNull(colors);
        return colors.Distinct().Count();
    }

    /// <summary>Renumbers colours 0..count-1 in order of first appearance (vertex 0 gets colour 0).</summary>
    public static int[] Canonical(int[] colors)
    {
        ArgumentNullException.ThrowIfNull(colors);
        var map = new Dictionary<int, int>();
        var result = new int[colors.Length];
        for (var v = 0; v < colors.Length; v++)
        {
            if (!map.TryGetValue(colors[v], out var c)) map[colors[v]] = c = map.Count;
            result[v] = c;
        }
        return result;
    }

    /// <summary>
    /// Renumbers colours 0..count-1 so that the smallest colour class (ties: the last to appear) gets
    /// the top number, count-1: the class a tabu chain then dissolves to try one colour fewer.
    /// </summary>
    public static int[] SmallestClassLast(int[] colors)
    {
        var canonical = Canonical(colors);
        var count = canonical.Length == 0 ? 0 : canonical.Max() + 1;
        if (count == 0) return canonical;
        var sizes = new int[count];
        foreach (var c in canonical) sizes[c]++;
        var smallest = 0;
        for (var c = 1; c < count; c++)
        {
            if (sizes[c] <= sizes[smallest]) smallest = c;
        }
        var top = count - 1;
        for (var v = 0; v < canonical.Length; v++)
        {
            if (canonical[v] == smallest) canonical[v] = top;
            else if (canonical[v] == top) canonical[v] = smallest;
        }
        return canonical;
    }
}
