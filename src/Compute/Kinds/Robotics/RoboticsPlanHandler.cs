using Prism.Contracts;
using Prism.Contracts.Kinds.Robotics;

namespace Prism.Compute.Kinds.Robotics;

/// <summary>
/// <c>robotics.plan</c>: build the polygon-approximated visibility graph on the host, test every
/// candidate edge on the engine, A* on the host, then check the path against the input again.
/// </summary>
public sealed class RoboticsPlanHandler(IVisibilityEngine engine) : KindHandler<RoboticsPlanInput, RoboticsPlanOutput>
{
    public override string Kind => JobKinds.RoboticsPlan;

    protected override async Task<RoboticsPlanOutput> ExecuteAsync(RoboticsPlanInput input, CancellationToken cancellationToken)
    {
        var scene = SceneBuilder.Build(input);
        var visible = await engine.VisibilityAsync(scene, cancellationToken).ConfigureAwait(false);
        var nodes = VisibilitySearch.ShortestPath(scene, visible)
            ?? throw new JobFailureException(ErrorCodes.Unreachable,
                $"No collision-free path keeps the robot (radius {input.RobotRadius}) in bounds from ({input.Start![0]}, {input.Start[1]}) to ({input.Goal![0]}, {input.Goal[1]}) among {scene.ObstacleCount} obstacles.");

        // A start equal to the goal is a path of one point.
        var path = nodes.Where((node, k) => k == 0 || scene.Distance(nodes[k - 1], node) > 0)
            .Select(node => new[] { scene.NodeX[node], scene.NodeY[node] }).ToArray();
        double length = 0;
        for (var k = 1; k < path.Length; k++) length += Math.Sqrt(Math.Pow(path[k][0] - path[k - 1][0], 2) + Math.Pow(path[k][1] - path[k - 1][1], 2));

        return new RoboticsPlanOutput
        {
            Path = path,
            Length = length,
            Duration = length / input.MaxVelocity,
            CollisionFree = PathChecker.CollisionFree(input, path),
        };
    }
}
