namespace Prism.Contracts.Kinds.Robotics;

/// <summary>Input of <c>robotics.plan</c>: a disc-shaped robot moving in a rectangle among circular obstacles.</summary>
public sealed record RoboticsPlanInput
{
    /// <summary>[x, y] of the robot's centre at the start.</summary>
    public double[]? Start { get; init; }

    /// <summary>[x, y] of the robot's centre at the goal.</summary>
    public double[]? Goal { get; init; }

    /// <summary>[minX, minY, maxX, maxY]: the rectangle the robot's centre stays in.</summary>
    public double[]? Bounds { get; init; }

    public CircleObstacle[]? Obstacles { get; init; }

    /// <summary>Radius of the robot (0 for a point robot); added to every obstacle's radius.</summary>
    public double RobotRadius { get; init; }

    /// <summary>Speed along the path; duration = length / maxVelocity.</summary>
    public double MaxVelocity { get; init; } = 1.0;
}
