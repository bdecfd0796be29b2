using Prism.Contracts.Kinds.Robotics;

namespace Prism.Compute.Kinds.Robotics;

/// <summary>Checks a finished path against the input itself (not the scene): bounds and every obstacle, segment by segment.</summary>
public static class PathChecker
{
    public static bool CollisionFree(RoboticsPlanInput input, double[][] path)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(path);
        var bounds = input.Bounds!;
        foreach (var point in path)
        {
            if (point[0] < bounds[0] || point[0] > bounds[2] || point[1] < bounds[1] || point[1] > bounds[3]) return false;
        }
        foreach (var obstacle in input.Obstacles ?? [])
        {
            var reach = obstacle.Radius + input.RobotRadius;
            if (path.Length == 1)
            {
                if (!PlanGeometry.Clears(path[0][0], path[0][1], path[0][0], path[0][1], obstacle.Center![0], obstacle.Center[1], reach)) return false;
                continue;
            }
            for (var s = 0; s + 1 < path.Length; s++)
            {
                if (!PlanGeometry.Clears(path[s][0], path[s][1], path[s + 1][0], path[s + 1][1], obstacle.Center![0], obstacle.Center[1], reach)) return false;
            }
        }
        return true;
    }
}
