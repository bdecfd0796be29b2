namespace Prism.Compute.Kinds.Graph;

/// <summary>
/// A lower bound on the chromatic number: the largest clique found greedily (grown from each of the
/// highest-degree vertices by adding, highest degree first, every neighbour adjacent to the whole
/// clique). The search stops when it reaches this many colours, since no colouring can use fewer.
/// </summary>
public static class CliqueBound
{
    /// <summary>Start vertices tried (highest degree first).</summary>
    public const int MaxStarts = 256;

    public static int Find(ColoringGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        if (graph.Edges.EdgeCount == 0) return n == 0 ? 0 : 1;

        var byDegree = Enumerable.Range(0, n).OrderByDescending(graph.Degree).ThenBy(v => v).ToArray();
        var best = 2;
        var clique = new List<int>();
        foreach (var start in byDegree.Take(MaxStarts))
        {
            if (graph.Degree(start) + 1 <= best) break;
            clique.Clear();
            clique.Add(start);
            var candidates = graph.NeighborsOf(start).ToArray();
            Array.Sort(candidates, (a, b) => graph.Degree(a) != graph.Degree(b) ? graph.Degree(b).CompareTo(graph.Degree(a)) : a.CompareTo(b));
            foreach (var candidate in candidates)
            {
                var joinsAll = true;
                foreach (var member in clique)
                {
                    if (!graph.Adjacent(member, candidate))
                    {
                        joinsAll = false;
                        break;
                    }
                }
                if (joinsAll) clique.Add(candidate);
            }
            best = Math.Max(best, clique.Count);
        }
        return best;
    }
}
