using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Robotics;

/// <summary>Schema of <c>robotics.plan</c>.</summary>
public sealed class RoboticsPlanKind : JobKind<RoboticsPlanInput>
{
    public const int MaxObstacles = 2_000;

    /// <summary>Largest absolute coordinate, radius or extent accepted (keeps double rounding far below the clearance margins).</summary>
    public const double MaxCoordinate = 1e6;

    public const double MaxVelocityLimit = 1e6;

    /// <summary>
    /// Smallest maxVelocity: duration = length / maxVelocity, and a path across the largest bounds
    /// (~3e6 long) at 5e-324 overflowed to Infinity; at 1e-6 it stays below ~1e13 s.
    /// </summary>
    public const double MinVelocity = 1e-6;

    public override string Name => JobKinds.RoboticsPlan;

    public override void Validate(RoboticsPlanInput input, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var boundsOk = Vector(errors, ".bounds", input.Bounds, 4);
        if (boundsOk && !(input.Bounds![0] < input.Bounds[2] && input.Bounds[1] < input.Bounds[3]))
        {
            errors.Add(".bounds", "must be [minX, minY, maxX, maxY] with minX < maxX and minY < maxY.");
            boundsOk = false;
        }
        var startOk = Vector(errors, ".start", input.Start, 2);
        var goalOk = Vector(errors, ".goal", input.Goal, 2);
        var robotOk = errors.Range(".robotRadius", input.RobotRadius, 0, MaxCoordinate);
        if (!double.IsFinite(input.MaxVelocity) || input.MaxVelocity < MinVelocity || input.MaxVelocity > MaxVelocityLimit)
        {
            errors.Add(".maxVelocity", $"must be a finite number in [{MinVelocity}, {MaxVelocityLimit}] (was {input.MaxVelocity}).");
        }

        var obstaclesOk = errors.Length(".obstacles", input.Obstacles, 0, MaxObstacles);
        if (obstaclesOk)
        {
            for (var i = 0; i < input.Obstacles!.Length; i++)
            {
                var obstacle = input.Obstacles[i];
                if (obstacle is null)
                {
                    errors.Add($".obstacles[{i}]", "is required.");
                    obstaclesOk = false;
                    continue;
                }
                obstaclesOk &= Vector(errors, $".obstacles[{i}].center", obstacle.Center, 2);
                if (!double.IsFinite(obstacle.Radius) || obstacle.Radius <= 0 || obstacle.Radius > MaxCoordinate)
                {
                    errors.Add($".obstacles[{i}].radius", $"must be a finite number in (0, {MaxCoordinate}] (was {obstacle.Radius}).");
                    obstaclesOk = false;
                }
            }
        }

        if (!boundsOk) return;
        if (startOk) CheckPoint(errors, ".start", input.Start!, input, obstaclesOk && robotOk);
        if (goalOk) CheckPoint(errors, ".goal", input.Goal!, input, obstaclesOk && robotOk);
    }

    private static bool Vector(ValidationErrors errors, string field, double[]? values, int length)
    {
        if (values is null)
        {
            errors.Add(field, "is required.");
            return false;
        }
        if (values.Length != length)
        {
            errors.Add(field, $"must hold exactly {length} numbers (had {values.Length}).");
            return false;
        }
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || Math.Abs(values[i]) > MaxCoordinate)
            {
                errors.Add($"{field}[{i}]", $"must be a finite number with magnitude at most {MaxCoordinate}.");
                return false;
            }
        }
        return true;
    }

    private static void CheckPoint(ValidationErrors errors, string field, double[] point, RoboticsPlanInput input, bool checkObstacles)
    {
        var bounds = input.Bounds!;
        double x = point[0], y = point[1];
        if (x < bounds[0] || x > bounds[2] || y < bounds[1] || y > bounds[3])
        {
            errors.Add(field, $"({x}, {y}) lies outside the bounds [{bounds[0]}, {bounds[1]}, {bounds[2]}, {bounds[3]}].");
            return;
        }
        if (!checkObstacles) return;
        for (var i = 0; i < input.Obstacles!.Length; i++)
        {
            var obstacle = input.Obstacles[i];
            double dx = x - obstacle.Center![0], dy = y - obstacle.Center[1], reach = obstacle.Radius + input.RobotRadius;
            if (dx * dx + dy * dy < reach * reach)
            {
                errors.Add(field, $"({x}, {y}) is in collision with obstacles[{i}] (the robot's centre must keep {reach} from its centre).");
                return;
            }
        }
    }
}
