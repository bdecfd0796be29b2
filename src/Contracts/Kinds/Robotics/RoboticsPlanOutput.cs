namespace Prism.Contracts.Kinds.Robotics;

/// <summary>Output of <c>robotics.plan</c>: a polyline from start to goal.</summary>
public sealed record RoboticsPlanOutput
{
    /// <summary>Waypoints [x, y] from start to goal; consecutive points are joined by straight segments.</summary>
    public required double[][] Path { get; init; }

    /// <summary>Sum of the segment lengths.</summary>
    public required double Length { get; init; }

    /// <summary>length / maxVelocity.</summary>
    public required double Duration { get; init; }

    /// <summary>True when every segment keeps the robot's centre in bounds and at least radius + robotRadius from every obstacle centre (checked after planning).</summary>
    public required bool CollisionFree { get; init; }
}
