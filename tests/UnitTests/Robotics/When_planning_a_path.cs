using Prism.Compute;
using Prism.Compute.Kinds.Robotics;
using Prism.Contracts;
using Prism.Contracts.Kinds.Robotics;
using Prism.KindReferences;

namespace Prism.UnitTests.Robotics;

public sealed class When_planning_a_path
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    internal static async Task<RoboticsPlanOutput> PlanAsync(IVisibilityEngine engine, RoboticsPlanInput input) =>
        (RoboticsPlanOutput)await new RoboticsPlanHandler(engine).ExecuteAsync(input, Ct);

    [Fact]
    public async Task It_goes_straight_when_nothing_is_in_the_way()
    {
        var input = Scenes.Input([10, 20], [70, 100], [Scenes.Disc(80, 20, 5)], maxVelocity: 4);
        var output = await PlanAsync(new VisibilityCpuEngine(), input);
        Assert.Equal([[10.0, 20.0], [70.0, 100.0]], output.Path);
        Assert.Equal(100.0, output.Length, 12);
        Assert.Equal(25.0, output.Duration, 12);
        Assert.True(output.CollisionFree);
    }

    [Fact]
    public async Task It_returns_a_single_point_when_start_is_the_goal()
    {
        var output = await PlanAsync(new VisibilityCpuEngine(), Scenes.Input([30, 30], [30, 30], [Scenes.Disc(50, 50, 5)]));
        Assert.Equal([[30.0, 30.0]], output.Path);
        Assert.Equal(0.0, output.Length);
        Assert.True(output.CollisionFree);
    }

    [Theory]
    [InlineData(10, 50, 90, 50, 50, 50, 10, 0)]
    [InlineData(10, 50, 90, 50, 50, 50, 8, 2)]
    [InlineData(5, 40, 95, 60, 50, 50, 12, 0.5)]
    [InlineData(20, 20, 80, 70, 48, 46, 6, 1)]
    public async Task It_wraps_around_one_obstacle_within_one_percent_of_the_analytic_shortest_path(
        double sx, double sy, double gx, double gy, double cx, double cy, double radius, double robotRadius)
    {
        var input = Scenes.Input([sx, sy], [gx, gy], [Scenes.Disc(cx, cy, radius)], robotRadius);
        var exact = Scenes.AroundOneCircle([sx, sy], [gx, gy], [cx, cy], radius + robotRadius);
        var output = await PlanAsync(new VisibilityCpuEngine(), input);
        Scenes.AssertCollisionFree(input, output.Path);
        Assert.InRange(output.Length, exact * (1 - 1e-9), exact * 1.01);
        Assert.Equal(output.Length / 2, output.Duration, 12);
    }

    [Fact]
    public async Task It_goes_through_the_one_gap_in_a_wall()
    {
        // A wall of overlapping discs (every 4 units, radius 2.2) along x = 50, missing y = 64..76: with the
        // robot's radius 1 the free gap is y = 60 + 3.2 .. 80 - 3.2.
        var wall = new List<CircleObstacle>();
        for (var y = 0.0; y <= 100; y += 4) if (y is < 64 or > 76) wall.Add(Scenes.Disc(50, y, 2.2));
        var input = Scenes.Input([10, 20], [90, 20], [.. wall], robotRadius: 1);
        var output = await PlanAsync(new VisibilityCpuEngine(), input);

        Scenes.AssertCollisionFree(input, output.Path);
        var crossing = Enumerable.Range(0, output.Path.Length - 1)
            .Select(s => (A: output.Path[s], B: output.Path[s + 1]))
            .First(seg => (seg.A[0] - 50) * (seg.B[0] - 50) <= 0);
        var yAt50 = crossing.A[1] + (50 - crossing.A[0]) / (crossing.B[0] - crossing.A[0]) * (crossing.B[1] - crossing.A[1]);
        Assert.InRange(yAt50, 63.2 * (1 - 1e-9), 76.8);
        // Up to the gap and back down: at least the two straight legs through the gap's near edge.
        Assert.True(output.Length > 2 * Math.Sqrt(40 * 40 + 43 * 43) * 0.99);
    }

    [Fact]
    public async Task It_fails_with_unreachable_when_the_gap_is_too_narrow_for_the_robot()
    {
        var wall = new List<CircleObstacle>();
        for (var y = 0.0; y <= 100; y += 4) if (y is < 64 or > 76) wall.Add(Scenes.Disc(50, y, 2.2));
        // Reach 2.2 + 9 closes the gap: 60 + 11.2 > 80 - 11.2.
        var input = Scenes.Input([10, 20], [90, 20], [.. wall], robotRadius: 9);
        var failure = await Assert.ThrowsAsync<JobFailureException>(() => PlanAsync(new VisibilityCpuEngine(), input));
        Assert.Equal(ErrorCodes.Unreachable, failure.Code);
    }

    [Fact]
    public async Task It_fails_with_unreachable_when_the_goal_is_walled_in()
    {
        var ring = Enumerable.Range(0, 24).Select(k => Scenes.Disc(70 + 15 * Math.Cos(k * Math.PI / 12), 70 + 15 * Math.Sin(k * Math.PI / 12), 2.5)).ToArray();
        var input = Scenes.Input([10, 10], [70, 70], ring);
        var failure = await Assert.ThrowsAsync<JobFailureException>(() => PlanAsync(new VisibilityCpuEngine(), input));
        Assert.Equal(ErrorCodes.Unreachable, failure.Code);
        Assert.Contains("No collision-free path", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_keeps_to_the_bounds_when_the_short_way_round_is_outside()
    {
        // The disc nearly touches the bottom edge: the way under it would leave the bounds, so the path goes over.
        var input = Scenes.Input([10, 8], [90, 8], [Scenes.Disc(50, 8, 7)], bounds: [0, 0, 100, 100]);
        var output = await PlanAsync(new VisibilityCpuEngine(), input);
        Scenes.AssertCollisionFree(input, output.Path);
        Assert.Contains(output.Path, p => p[1] > 15);
        var exact = Scenes.AroundOneCircle([10, 8], [90, 8], [50, 8], 7);
        Assert.InRange(output.Length, exact * (1 - 1e-9), exact * 1.01);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(15, 2)]
    [InlineData(25, 3)]
    public async Task It_matches_a_finer_plain_reference_within_one_percent(int count, int seed)
    {
        var input = Scenes.Random(count, seed);
        var output = await PlanAsync(new VisibilityCpuEngine(), input);
        Scenes.AssertCollisionFree(input, output.Path);
        Assert.True(output.CollisionFree);
        var reference = PlanningReference.ShortestLength(input, sides: 96);
        Assert.InRange(output.Length, reference * 0.99, reference * 1.01);
        Assert.True(output.Length >= Math.Sqrt(2) * 90 - 1e-9, "no path can beat the straight line");
    }

    [Theory]
    [InlineData(30, 4)]
    [InlineData(60, 5)]
    public async Task The_grid_accelerated_engine_equals_brute_force(int count, int seed)
    {
        var scene = SceneBuilder.Build(Scenes.Random(count, seed));
        var matrix = await new VisibilityCpuEngine().VisibilityAsync(scene, Ct);
        var brute = PlanningReference.BruteForceVisibility(scene);
        for (var i = 0; i < scene.NodeCount; i++)
            for (var j = i + 1; j < scene.NodeCount; j++)
                Assert.True(brute[i, j] == matrix.Visible(i, j), $"pair ({i}, {j}): brute {brute[i, j]}");
        Assert.InRange(matrix.PairCount(), 1, (long)scene.NodeCount * (scene.NodeCount - 1) / 2 - 1);
    }

    [Fact]
    public void Polygon_vertices_clear_their_disc_and_the_side_count_follows_the_obstacle_count()
    {
        Assert.Equal(32, SceneBuilder.SidesFor(500));
        Assert.Equal(12, SceneBuilder.SidesFor(2000));
        var scene = SceneBuilder.Build(Scenes.Input([1, 1], [99, 99], [Scenes.Disc(50, 50, 10)], robotRadius: 2));
        Assert.Equal(2 + 32, scene.NodeCount);
        for (var k = 2; k < scene.NodeCount; k++)
        {
            var next = k + 1 < scene.NodeCount ? k + 1 : 2;
            // Polygon edges are tangent to a circle just outside the inflated disc (radius 12).
            Assert.True(PlanGeometry.Clears(scene.NodeX[k], scene.NodeY[k], scene.NodeX[next], scene.NodeY[next], 50, 50, 12));
        }
    }
}
