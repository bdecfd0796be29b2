using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Prism.Compute.Kinds.Robotics;
using Prism.Contracts.Kinds.Robotics;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary>
/// <c>robotics.plan</c> among random discs in a 200×200 box (500 discs: 32-gons, about 16,000 candidate
/// waypoints before pruning): the CPU engine (grid-accelerated visibility in parallel + A*) against the
/// plain planner (every candidate edge against every obstacle, Dijkstra by scans), same polygons.
/// Operations take seconds to minutes (the plain planner ~3.5 min at 500 discs on 2 cores), hence
/// three monitored iterations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class RoboticsPlanBenchmarks
{
    private RoboticsPlanInput _input = null!;
    private readonly RoboticsPlanHandler _handler = new(new VisibilityCpuEngine());

    [Params(100, 500)]
    public int Obstacles { get; set; } = 500;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var obstacles = new List<CircleObstacle>();
        while (obstacles.Count < Obstacles)
        {
            double x = random.NextDouble() * 200, y = random.NextDouble() * 200, r = 0.5 + random.NextDouble() * 2;
            if (Math.Min(Math.Pow(x - 2, 2) + Math.Pow(y - 2, 2), Math.Pow(x - 198, 2) + Math.Pow(y - 198, 2)) < Math.Pow(r + 1, 2)) continue;
            obstacles.Add(new CircleObstacle { Center = [x, y], Radius = r });
        }
        _input = new RoboticsPlanInput { Start = [2, 2], Goal = [198, 198], Bounds = [0, 0, 200, 200], Obstacles = [.. obstacles], RobotRadius = 0.5, MaxVelocity = 1 };
    }

    [Benchmark(Baseline = true, Description = "plain planner (single-threaded, brute force)")]
    public double Reference() => PlanningReference.ShortestLength(_input, SceneBuilder.SidesFor(Obstacles));

    [Benchmark(Description = "CPU engine (grid + parallel + A*)")]
    public double CpuEngine() => ((RoboticsPlanOutput)_handler.ExecuteAsync(_input, CancellationToken.None).GetAwaiter().GetResult()).Length;
}
