using Prism.Compute.Kinds.Robotics;
using Prism.Contracts.Kinds.Robotics;

namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded planner, written for clarity: every candidate edge tested against every
/// obstacle in a double loop (no grid), and Dijkstra by linear scans. Tests run it with finer polygons
/// than the engines use; benchmarks measure the engines against it.
/// </summary>
public static class PlanningReference
{
    /// <summary>The shortest path length through the scene built with <paramref name="sides"/>-gons, or +∞ when unreachable.</summary>
    public static double ShortestLength(RoboticsPlanInput input, int sides)
    {
        var scene = SceneBuilder.Build(input, sides);
        var visible = BruteForceVisibility(scene);
        var v = scene.NodeCount;
        var distance = Enumerable.Repeat(double.PositiveInfinity, v).ToArray();
        var done = new bool[v];
        distance[PlanScene.Start] = 0;
        for (var step = 0; step < v; step++)
        {
            var u = -1;
            for (var i = 0; i < v; i++)
            {
                if (!done[i] && (u < 0 || distance[i] < distance[u])) u = i;
            }
            if (u < 0 || double.IsPositiveInfinity(distance[u])) break;
            if (u == PlanScene.Goal) return distance[u];
            done[u] = true;
            for (var w = 0; w < v; w++)
            {
                if (!done[w] && visible[u, w]) distance[w] = Math.Min(distance[w], distance[u] + scene.Distance(u, w));
            }
        }
        return distance[PlanScene.Goal];
    }

    /// <summary>visible[i, j] for every pair: the segment clears every obstacle's reach.</summary>
    public static bool[,] BruteForceVisibility(PlanScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var v = scene.NodeCount;
        var visible = new bool[v, v];
        for (var i = 0; i < v; i++)
        {
            for (var j = i + 1; j < v; j++)
            {
                var clear = true;
                for (var o = 0; o < scene.ObstacleCount && clear; o++)
                {
                    clear = PlanGeometry.Clears(scene.NodeX[i], scene.NodeY[i], scene.NodeX[j], scene.NodeY[j], scene.ObstacleX[o], scene.ObstacleY[o], scene.ObstacleReach[o]);
                }
                visible[i, j] = visible[j, i] = clear;
            }
        }
        return visible;
    }
}
