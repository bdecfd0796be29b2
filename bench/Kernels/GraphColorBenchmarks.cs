using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Prism.Compute.Kinds.Graph;
using Prism.Contracts.Kinds.Graph;
using Prism.Contracts.Validation;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary>
/// <c>graph.color</c> on DIMACS benchmarks: the full CPU pipeline (DSatur + parallel TabuCol chains)
/// against plain single-threaded DSatur. The "Colors" column gives the colour count each reached
/// (best known: queen7_7 7, DSJC125.5 17, DSJC250.5 28); the colourings are deterministic, so the
/// column recomputes them once in the host process.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ColorsConfig))]
public class GraphColorBenchmarks
{
    /// <summary>Budget per graph: (attempts, iterations). attempts × iterations stays within the schema's cap.</summary>
    private static readonly Dictionary<string, (int Attempts, int Iterations)> Budgets = new(StringComparer.Ordinal)
    {
        ["queen7_7"] = (16, 50_000),
        ["DSJC125.5"] = (16, 100_000),
        ["DSJC250.5"] = (16, 500_000),
    };

    private GraphColorInput _input = null!;
    private bool[,] _matrix = new bool[0, 0];
    private readonly GraphColorHandler _handler = new(new ColoringCpuEngine());

    [Params("queen7_7", "DSJC125.5", "DSJC250.5")]
    public string Graph { get; set; } = "queen7_7";

    [GlobalSetup]
    public void Setup()
    {
        _input = InputFor(Graph);
        var graph = GraphReader.Read(_input, new ValidationErrors())!;
        _matrix = ColoringReference.AdjacencyMatrix(graph.VertexCount, Enumerable.Range(0, graph.EdgeCount).Select(i => (graph.EdgeU[i], graph.EdgeV[i])));
    }

    [Benchmark(Baseline = true, Description = "plain DSatur (single-threaded)")]
    public int[] Reference() => ColoringReference.Dsatur(_matrix);

    [Benchmark(Description = "CPU engine (DSatur + TabuCol)")]
    public int[] CpuEngine() => ((GraphColorOutput)_handler.ExecuteAsync(_input, CancellationToken.None).GetAwaiter().GetResult()).Colors;

    public static GraphColorInput InputFor(string graph)
    {
        var (attempts, iterations) = Budgets[graph];
        return new GraphColorInput { Dimacs = DimacsOf(graph), Attempts = attempts, Iterations = iterations, Seed = 1 };
    }

    private static string DimacsOf(string graph)
    {
        if (graph.StartsWith("queen", StringComparison.Ordinal))
        {
            var side = graph[5] - '0';
            var lines = new List<string> { $"p edge {side * side} 0" };
            for (var a = 0; a < side * side; a++)
                for (var b = a + 1; b < side * side; b++)
                {
                    int ra = a / side, ca = a % side, rb = b / side, cb = b % side;
                    if (ra == rb || ca == cb || Math.Abs(ra - rb) == Math.Abs(ca - cb)) lines.Add($"e {a + 1} {b + 1}");
                }
            return string.Join('\n', lines);
        }
        using var stream = typeof(GraphColorBenchmarks).Assembly.GetManifestResourceStream($"Graph.{graph}.col")
            ?? throw new InvalidOperationException($"No embedded DIMACS file for {graph}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class ColorsConfig : ManualConfig
    {
        public ColorsConfig() => AddColumn(new ColorsColumn());
    }

    /// <summary>The number of colours the benchmarked method reaches on the case's graph.</summary>
    private sealed class ColorsColumn : IColumn
    {
        private readonly Dictionary<string, int> _cache = new(StringComparer.Ordinal);

        public string Id => nameof(ColorsColumn);
        public string ColumnName => "Colors";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Colours in the colouring the method returns (fewer is better)";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var graph = (string)benchmarkCase.Parameters[nameof(Graph)];
            var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
            var key = graph + "/" + method;
            if (!_cache.TryGetValue(key, out var colors))
            {
                var benchmark = new GraphColorBenchmarks { Graph = graph };
                benchmark.Setup();
                var coloring = method == nameof(Reference) ? benchmark.Reference() : benchmark.CpuEngine();
                _cache[key] = colors = coloring.Distinct().Count();
                Console.WriteLine($"// graph.color {graph} {method}: {colors} colours");
            }
            return colors.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
