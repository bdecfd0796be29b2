using Prism.Compute.Kinds.Graph;
using Prism.Contracts.Kinds.Graph;
using Prism.Contracts.Validation;

namespace Prism.UnitTests.Graph;

/// <summary>Benchmark graphs built exactly in code (Mycielski, queen), seeded random graphs, and the stored DIMACS files.</summary>
public static class GraphGenerators
{
    /// <summary>
    /// DIMACS <c>myciel{k}</c>: the Mycielskian applied k-1 times to K2 (myciel3 is the Grötzsch graph).
    /// Triangle-free with chromatic number k + 1.
    /// </summary>
    public static (int VertexCount, List<(int U, int V)> Edges) Mycielski(int k)
    {
        var n = 2;
        var edges = new List<(int U, int V)> { (0, 1) };
        for (var step = 1; step < k; step++)
        {
            // Vertices 0..n-1 stay; u_i = n + i shadows vertex i; w = 2n joins every shadow.
            var next = new List<(int U, int V)>(edges);
            foreach (var (a, b) in edges)
            {
                next.Add((n + a, b));
                next.Add((n + b, a));
            }
            for (var i = 0; i < n; i++) next.Add((n + i, 2 * n));
            edges = next;
            n = 2 * n + 1;
        }
        return (n, edges);
    }

    /// <summary>DIMACS <c>queen{n}_{n}</c>: the n×n board, squares adjacent when a queen attacks along a row, column or diagonal.</summary>
    public static (int VertexCount, List<(int U, int V)> Edges) Queen(int side)
    {
        var edges = new List<(int U, int V)>();
        for (var a = 0; a < side * side; a++)
        {
            for (var b = a + 1; b < side * side; b++)
            {
                int ra = a / side, ca = a % side, rb = b / side, cb = b % side;
                if (ra == rb || ca == cb || Math.Abs(ra - rb) == Math.Abs(ca - cb)) edges.Add((a, b));
            }
        }
        return (side * side, edges);
    }

    /// <summary>G(n, p) with a fixed seed.</summary>
    public static (int VertexCount, List<(int U, int V)> Edges) Random(int n, double p, int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int U, int V)>();
        for (var u = 0; u < n; u++)
            for (var v = u + 1; v < n; v++)
                if (random.NextDouble() < p) edges.Add((u, v));
        return (n, edges);
    }

    public static GraphColorInput Input((int VertexCount, List<(int U, int V)> Edges) graph, int attempts = 4, int iterations = 20_000, long seed = 1, int? maxColors = null) => new()
    {
        VertexCount = graph.VertexCount,
        Edges = [.. graph.Edges.Select(e => new[] { e.U, e.V })],
        Attempts = attempts,
        Iterations = iterations,
        Seed = seed,
        MaxColors = maxColors,
    };

    public static ColoringGraph Build((int VertexCount, List<(int U, int V)> Edges) graph) => ColoringGraph.FromPairs(graph.VertexCount, graph.Edges);

    /// <summary>The text of a stored DIMACS file (tests/UnitTests/Graph/Data, copied next to the test assembly).</summary>
    public static string DimacsText(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Graph", "Data", name));

    public static SimpleGraph Dimacs(string name)
    {
        var errors = new ValidationErrors();
        return GraphReader.Read(new GraphColorInput { Dimacs = DimacsText(name) }, errors)
            ?? throw new InvalidOperationException(errors.ToString());
    }
}
