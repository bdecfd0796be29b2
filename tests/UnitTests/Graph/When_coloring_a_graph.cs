using Prism.Compute.Kinds.Graph;
using Prism.Contracts.Kinds.Graph;
using Prism.KindReferences;

namespace Prism.UnitTests.Graph;

public sealed class When_coloring_a_graph
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    internal static async Task<GraphColorOutput> ColorAsync(IColoringEngine engine, GraphColorInput input) =>
        (GraphColorOutput)await new GraphColorHandler(engine).ExecuteAsync(input, Ct);

    /// <summary>Checks a colouring straight from the edge list, independently of the handler's own check.</summary>
    internal static void AssertProper((int VertexCount, List<(int U, int V)> Edges) graph, GraphColorOutput output)
    {
        Assert.Equal(graph.VertexCount, output.Colors.Length);
        foreach (var (u, v) in graph.Edges) Assert.NotEqual(output.Colors[u], output.Colors[v]);
        Assert.True(output.Valid);
        Assert.Equal(0, output.Conflicts);
        Assert.Equal(Enumerable.Range(0, output.ColorCount), output.Colors.Distinct().Order());
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    [InlineData(5, 6)]
    public async Task It_reaches_the_chromatic_number_of_Mycielski_graphs(int k, int chi)
    {
        var graph = GraphGenerators.Mycielski(k);
        var output = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(graph));
        AssertProper(graph, output);
        Assert.Equal(chi, output.ColorCount);
        Assert.True(output.MaxColorsMet);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(7, 7)]
    public async Task It_reaches_the_chromatic_number_of_queen_graphs(int side, int chi)
    {
        var graph = GraphGenerators.Queen(side);
        var output = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(graph, attempts: 8, iterations: 50_000));
        AssertProper(graph, output);
        Assert.Equal(chi, output.ColorCount);
    }

    [Theory]
    [InlineData(10, 0.5, 1)]
    [InlineData(12, 0.3, 2)]
    [InlineData(14, 0.5, 3)]
    [InlineData(16, 0.7, 4)]
    [InlineData(18, 0.4, 5)]
    public async Task It_reaches_the_exact_chromatic_number_of_small_random_graphs(int n, double p, int seed)
    {
        var graph = GraphGenerators.Random(n, p, seed);
        var chi = ColoringReference.ChromaticNumber(ColoringReference.AdjacencyMatrix(n, graph.Edges));
        var output = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(graph));
        AssertProper(graph, output);
        Assert.Equal(chi, output.ColorCount);
    }

    [Theory]
    [InlineData(40, 0.5, 11, 2)]
    [InlineData(60, 0.3, 12, 3)]
    [InlineData(80, 0.9, 13, 5)]
    public async Task It_stays_proper_when_maxColors_cannot_be_met(int n, double p, int seed, int maxColors)
    {
        var graph = GraphGenerators.Random(n, p, seed);
        var output = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(graph, attempts: 2, iterations: 2_000, maxColors: maxColors));
        AssertProper(graph, output);
        Assert.False(output.MaxColorsMet);
        Assert.True(output.ColorCount > maxColors);
        Assert.True(output.ColorCount >= CliqueBound.Find(GraphGenerators.Build(graph)));
    }

    [Fact]
    public async Task It_reports_a_Mycielski_graph_cannot_take_fewer_than_its_chromatic_number()
    {
        var graph = GraphGenerators.Mycielski(4);
        var output = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(graph, maxColors: 4));
        AssertProper(graph, output);
        Assert.Equal(5, output.ColorCount);
        Assert.False(output.MaxColorsMet);
    }

    [Fact]
    public async Task It_stops_searching_once_maxColors_is_met()
    {
        var graph = GraphGenerators.Queen(7);
        var dsatur = Colorings.Count(Dsatur.Color(GraphGenerators.Build(graph)));
        var output = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(graph, maxColors: dsatur));
        AssertProper(graph, output);
        Assert.True(dsatur > 7, "queen7_7 needs the tabu search to reach 7 from DSatur");
        Assert.Equal(dsatur, output.ColorCount);
        Assert.True(output.MaxColorsMet);
    }

    [Fact]
    public async Task It_gives_the_same_colouring_for_the_same_seed()
    {
        var graph = GraphGenerators.Random(60, 0.5, 21);
        var first = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(graph, attempts: 8, iterations: 5_000, seed: 77));
        var second = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(graph, attempts: 8, iterations: 5_000, seed: 77));
        Assert.Equal(first.Colors, second.Colors);
        AssertProper(graph, first);
    }

    [Fact]
    public async Task It_colours_an_edgeless_graph_with_one_colour_and_a_complete_graph_with_n()
    {
        var empty = (6, new List<(int U, int V)>());
        var output = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(empty));
        Assert.Equal(1, output.ColorCount);
        Assert.All(output.Colors, c => Assert.Equal(0, c));

        var complete = GraphGenerators.Random(7, 1.1, 1);
        output = await ColorAsync(new ColoringCpuEngine(), GraphGenerators.Input(complete));
        AssertProper(complete, output);
        Assert.Equal(7, output.ColorCount);
    }

    [Fact]
    public async Task It_merges_duplicate_and_reversed_edges()
    {
        var input = new GraphColorInput { VertexCount = 3, Edges = [[0, 1], [1, 0], [0, 1], [1, 2], [2, 1]] };
        var output = await ColorAsync(new ColoringCpuEngine(), input);
        Assert.Equal(2, output.ColorCount);
        Assert.Equal([0, 1, 0], output.Colors);
    }

    [Fact]
    public async Task It_colours_DSJC125_5_close_to_the_best_known_17()
    {
        var graph = GraphGenerators.Dimacs("DSJC125.5.col");
        var input = new GraphColorInput { Dimacs = GraphGenerators.DimacsText("DSJC125.5.col"), Attempts = 2, Iterations = 100_000, Seed = 3 };
        var output = await ColorAsync(new ColoringCpuEngine(), input);
        var pairs = Enumerable.Range(0, graph.EdgeCount).Select(i => (graph.EdgeU[i], graph.EdgeV[i])).ToList();
        AssertProper((graph.VertexCount, pairs), output);
        var dsatur = Colorings.Count(Dsatur.Color(Prism.Compute.Kinds.Graph.ColoringGraph.From(graph)));
        Assert.True(output.ColorCount < dsatur, $"tabu search improved nothing on DSatur's {dsatur}");
        Assert.InRange(output.ColorCount, 17, 19);
    }

    [Theory]
    [InlineData(30, 0.5, 1)]
    [InlineData(50, 0.2, 2)]
    [InlineData(70, 0.8, 3)]
    public void The_fast_DSatur_matches_the_plain_reference(int n, double p, int seed)
    {
        var graph = GraphGenerators.Random(n, p, seed);
        var fast = Dsatur.Color(GraphGenerators.Build(graph));
        var plain = ColoringReference.Dsatur(ColoringReference.AdjacencyMatrix(n, graph.Edges));
        Assert.Equal(plain, fast);
        foreach (var (u, v) in graph.Edges) Assert.NotEqual(fast[u], fast[v]);
    }

    [Fact]
    public void The_clique_bound_finds_a_queen_graph_row_and_never_exceeds_the_chromatic_number()
    {
        Assert.Equal(7, CliqueBound.Find(GraphGenerators.Build(GraphGenerators.Queen(7))));
        for (var seed = 1; seed <= 5; seed++)
        {
            var graph = GraphGenerators.Random(14, 0.5, seed);
            var chi = ColoringReference.ChromaticNumber(ColoringReference.AdjacencyMatrix(14, graph.Edges));
            Assert.InRange(CliqueBound.Find(GraphGenerators.Build(graph)), 2, chi);
        }
    }

    [Fact]
    public async Task The_engine_keeps_the_lowest_solved_chain_whatever_the_scheduling()
    {
        var graph = GraphGenerators.Build(GraphGenerators.Queen(6));
        var start = Colorings.SmallestClassLast(Dsatur.Color(graph));
        var k = Colorings.Count(start) - 1;
        var budget = new TabuBudget(Attempts: 6, Iterations: 3_000, Seed: 5);

        int[]? expected = null;
        for (var chain = 0; chain < budget.Attempts && expected is null; chain++)
        {
            var workspace = new TabuWorkspace(graph.VertexCount, k);
            var status = TabuSearch.Run(graph, start, k, budget.Iterations, budget.Seed, chain, workspace,
                new System.Runtime.CompilerServices.StrongBox<int>(int.MaxValue), Ct);
            if (status == TabuStatus.Solved) expected = workspace.Colors;
        }

        var actual = await new ColoringCpuEngine().ReduceAsync(graph, start, k, budget, Ct);
        Assert.NotNull(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(0, Colorings.Conflicts(graph, actual!));
        Assert.True(actual!.Max() < k);
    }
}
