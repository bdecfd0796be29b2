namespace Prism.Contracts.Kinds.Robotics;

/// <summary>A circular obstacle: centre [x, y] and radius (before the robot's radius is added).</summary>
public sealed record CircleObstacle
{
    public double[]? Center { get; init; }
    public double Radius { get; init; }
}
