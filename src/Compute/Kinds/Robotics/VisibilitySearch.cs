namespace Prism.Compute.Kinds.Robotics;

/// <summary>A* from start to goal over the visibility graph, edge cost = Euclidean length, heuristic = straight-line distance to the goal.</summary>
public static class VisibilitySearch
{
    /// <summary>Node indices from <see cref="PlanScene.Start"/> to <see cref="PlanScene.Goal"/>, or null when the goal cannot be reached.</summary>
    public static int[]? ShortestPath(PlanScene scene, VisibilityMatrix visible)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(visible);
        var v = scene.NodeCount;
        var cost = new double[v];
        Array.Fill(cost, double.PositiveInfinity);
        var previous = new int[v];
        Array.Fill(previous, -1);
        var closed = new bool[v];
        var open = new PriorityQueue<int, double>();
        cost[PlanScene.Start] = 0;
        open.Enqueue(PlanScene.Start, scene.Distance(PlanScene.Start, PlanScene.Goal));

        while (open.TryDequeue(out var u, out _))
        {
            if (closed[u]) continue;
            if (u == PlanScene.Goal) return Trace(previous, u);
            closed[u] = true;
            for (var w = 0; w < v; w++)
            {
                if (w == u || closed[w] || !visible.Visible(u, w)) continue;
                var candidate = cost[u] + scene.Distance(u, w);
                if (candidate >= cost[w]) continue;
                cost[w] = candidate;
                previous[w] = u;
                open.Enqueue(w, candidate + scene.Distance(w, PlanScene.Goal));
            }
        }
        return null;
    }

    private static int[] Trace(int[] previous, int node)
    {
        var path = new List<int>();
        for (var at = node; at >= 0; at = previous[at]) path.Add(at);
        path.Reverse();
        return [.. path];
    }
}
