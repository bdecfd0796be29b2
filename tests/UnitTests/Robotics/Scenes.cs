using Prism.Contracts.Kinds.Robotics;

namespace Prism.UnitTests.Robotics;

/// <summary>Planning scenes for tests, and a path checker written independently of the processor's.</summary>
public static class Scenes
{
    public static CircleObstacle Disc(double x, double y, double radius) => new() { Center = [x, y], Radius = radius };

    public static RoboticsPlanInput Input(double[] start, double[] goal, CircleObstacle[] obstacles, double robotRadius = 0, double[]? bounds = null, double maxVelocity = 2) => new()
    {
        Start = start,
        Goal = goal,
        Bounds = bounds ?? [0, 0, 100, 100],
        Obstacles = obstacles,
        RobotRadius = robotRadius,
        MaxVelocity = maxVelocity,
    };

    /// <summary>Random discs in the 100×100 box, none covering start (5, 5) or goal (95, 95).</summary>
    public static RoboticsPlanInput Random(int count, int seed, double robotRadius = 0.5)
    {
        var random = new Random(seed);
        var obstacles = new List<CircleObstacle>();
        while (obstacles.Count < count)
        {
            double x = random.NextDouble() * 100, y = random.NextDouble() * 100, r = 1 + random.NextDouble() * 5;
            var reach = r + robotRadius;
            if (Math.Pow(x - 5, 2) + Math.Pow(y - 5, 2) < reach * reach || Math.Pow(x - 95, 2) + Math.Pow(y - 95, 2) < reach * reach) continue;
            obstacles.Add(Disc(x, y, r));
        }
        return Input([5, 5], [95, 95], [.. obstacles], robotRadius);
    }

    /// <summary>
    /// Independent check of a returned path: every waypoint in bounds, and for every segment and obstacle
    /// the nearest point of the segment (perpendicular foot via the cross product when it falls inside,
    /// otherwise the nearer end) keeps radius + robotRadius from the centre, up to a relative 1e-9.
    /// </summary>
    public static void AssertCollisionFree(RoboticsPlanInput input, double[][] path)
    {
        var b = input.Bounds!;
        foreach (var p in path)
        {
            Assert.InRange(p[0], b[0], b[2]);
            Assert.InRange(p[1], b[1], b[3]);
        }
        Assert.Equal(input.Start, path[0]);
        Assert.Equal(input.Goal, path[^1]);
        for (var s = 0; s + 1 < path.Length; s++)
        {
            double ax = path[s][0], ay = path[s][1], bx = path[s + 1][0], by = path[s + 1][1];
            double length = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
            for (var o = 0; o < input.Obstacles!.Length; o++)
            {
                double cx = input.Obstacles[o].Center![0], cy = input.Obstacles[o].Center![1];
                double along = ((cx - ax) * (bx - ax) + (cy - ay) * (by - ay)) / length;
                double distance = along <= 0 || along >= length
                    ? Math.Min(Math.Sqrt((cx - ax) * (cx - ax) + (cy - ay) * (cy - ay)), Math.Sqrt((cx - bx) * (cx - bx) + (cy - by) * (cy - by)))
                    : Math.Abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) / length;
                var reach = input.Obstacles[o].Radius + input.RobotRadius;
                Assert.True(distance >= reach * (1 - 1e-9), $"segment {s} comes within {distance} of obstacles[{o}] (needs {reach})");
            }
        }
    }

    /// <summary>
    /// Length of the shortest path from a to b around one circle (centre c, radius r) when the straight
    /// line is blocked: the two tangent lengths plus the arc between the tangent points.
    /// </summary>
    public static double AroundOneCircle(double[] a, double[] b, double[] c, double r)
    {
        double da = Math.Sqrt(Math.Pow(a[0] - c[0], 2) + Math.Pow(a[1] - c[1], 2));
        double db = Math.Sqrt(Math.Pow(b[0] - c[0], 2) + Math.Pow(b[1] - c[1], 2));
        double angle = Math.Acos(((a[0] - c[0]) * (b[0] - c[0]) + (a[1] - c[1]) * (b[1] - c[1])) / (da * db));
        double arc = angle - Math.Acos(r / da) - Math.Acos(r / db);
        Assert.True(arc > 0, "the straight line is not blocked in this scene");
        return Math.Sqrt(da * da - r * r) + Math.Sqrt(db * db - r * r) + r * arc;
    }
}
