namespace Prism.Compute.Kinds.Robotics;

/// <summary>
/// What the visibility engines see: candidate waypoints (node 0 = start, node 1 = goal, then the
/// polygon vertices around obstacles) and the obstacles inflated by the robot's radius.
/// </summary>
public sealed record PlanScene(double[] NodeX, double[] NodeY, double[] ObstacleX, double[] ObstacleY, double[] ObstacleReach)
{
    public const int Start = 0;
    public const int Goal = 1;

    public int NodeCount => NodeX.Length;
    public int ObstacleCount => ObstacleX.Length;

    public double Distance(int a, int b) => Math.Sqrt((NodeX[a] - NodeX[b]) * (NodeX[a] - NodeX[b]) + (NodeY[a] - NodeY[b]) * (NodeY[a] - NodeY[b]));
}
