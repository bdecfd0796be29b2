using Prism.Compute.Kinds.Graph;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Graph;

[Collection(IlgpuCollection.Name)]
public sealed class When_running_the_tabu_kernel(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(16, 0.5, 1, 0)]
    [InlineData(20, 0.3, 2, 0)]
    [InlineData(20, 0.4, 3, -1)]
    public async Task It_reproduces_the_CPU_chains_colour_for_colour(int n, double p, int seed, int belowChromatic)
    {
        var pairs = GraphGenerators.Random(n, p, seed);
        var graph = GraphGenerators.Build(pairs);
        var chi = ColoringReference.ChromaticNumber(ColoringReference.AdjacencyMatrix(n, pairs.Edges));
        var k = chi + belowChromatic;
        // A random start over k + 1 colours, so that both engines have real work to do.
        var random = new Random(seed);
        var start = Enumerable.Range(0, n).Select(_ => random.Next(k + 1)).ToArray();
        var budget = new TabuBudget(Attempts: 3, Iterations: 400, Seed: 9);

        var cpu = await new ColoringCpuEngine().ReduceAsync(graph, start, k, budget, Ct);
        var gpu = await new ColoringIlgpuEngine(ilgpu.Device).ReduceAsync(graph, start, k, budget, Ct);

        Assert.Equal(cpu, gpu);
        if (belowChromatic < 0)
        {
            Assert.Null(gpu);
        }
        else
        {
            Assert.NotNull(gpu);
            Assert.Equal(0, Colorings.Conflicts(graph, gpu));
            Assert.True(gpu.Max() < k);
        }
    }

    [Fact]
    public async Task It_colours_an_easy_graph_as_the_CPU_engine_does()
    {
        var graph = GraphGenerators.Mycielski(3);
        var input = GraphGenerators.Input(graph, attempts: 2, iterations: 300);
        var gpu = await When_coloring_a_graph.ColorAsync(new ColoringIlgpuEngine(ilgpu.Device), input);
        var cpu = await When_coloring_a_graph.ColorAsync(new ColoringCpuEngine(), input);

        When_coloring_a_graph.AssertProper(graph, gpu);
        Assert.Equal(4, gpu.ColorCount);
        Assert.Equal(cpu.Colors, gpu.Colors);
    }
}
