using System.Diagnostics;
using Prism.Compute.Kinds.Graph;
using Prism.Contracts.Kinds.Graph;

namespace Prism.Kernels;

/// <summary>
/// How graph.color's work limit was fitted (docs/security.md, "Work per job"): whole jobs on the CPU
/// engine at <see cref="GraphColorKind.MaxWork"/> on random graphs of very different shapes, each
/// reported as CPU-seconds per unit of attempts × iterations × √vertices. The measure is sound while
/// those figures stay within a small factor of each other. Minutes of CPU; run it on an idle machine.
/// </summary>
public static class GraphColorWorkProbe
{
    /// <summary>(vertices, mean degree): dense small graphs, where k is near χ, to the largest sparse ones.</summary>
    private static readonly (int Vertices, int Degree)[] Shapes = [(125, 62), (250, 125), (1_000, 100), (10_000, 200)];

    public const int Attempts = 16;

    public static async Task RunAsync()
    {
        var handler = new GraphColorHandler(new ColoringCpuEngine());
        foreach (var (vertices, degree) in Shapes)
        {
            var iterations = (int)Math.Min(GraphColorKind.MaxTotalIterations / Attempts, GraphColorKind.MaxWork / Attempts / Math.Sqrt(vertices));
            var input = new GraphColorInput { VertexCount = vertices, Edges = RandomEdges(vertices, degree), Attempts = Attempts, Iterations = iterations, Seed = 1 };
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var output = (GraphColorOutput)await handler.ExecuteAsync((object)input, CancellationToken.None).ConfigureAwait(false);
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var work = GraphColorKind.Work(input, vertices);
            Console.WriteLine($"graph.color {vertices} vertices, degree {degree}, {Attempts} × {iterations}: work {work:0.##e0}, {output.ColorCount} colours, " +
                $"{cpu:F1} CPU-s ({cpu / work:0.##e0} per unit), {clock.Elapsed.TotalSeconds:F1} s wall on {Environment.ProcessorCount} cores");
        }
    }

    private static int[][] RandomEdges(int vertices, int degree)
    {
        var random = new Random(7);
        var edges = new HashSet<(int, int)>();
        var count = (long)vertices * degree / 2;
        while (edges.Count < count)
        {
            int u = random.Next(vertices), v = random.Next(vertices);
            if (u != v) edges.Add(u < v ? (u, v) : (v, u));
        }
        return edges.Select(e => new[] { e.Item1, e.Item2 }).ToArray();
    }
}
