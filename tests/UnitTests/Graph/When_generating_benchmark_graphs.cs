using Prism.Compute.Kinds.Graph;
using Prism.KindReferences;

namespace Prism.UnitTests.Graph;

public sealed class When_generating_benchmark_graphs
{
    [Theory]
    [InlineData(2, 5, 5)]
    [InlineData(3, 11, 20)]
    [InlineData(4, 23, 71)]
    [InlineData(5, 47, 236)]
    public void Mycielski_graphs_have_the_DIMACS_sizes(int k, int vertices, int edges)
    {
        var graph = GraphGenerators.Build(GraphGenerators.Mycielski(k));
        Assert.Equal(vertices, graph.VertexCount);
        Assert.Equal(edges, graph.Edges.EdgeCount);
    }

    [Theory]
    [InlineData(5, 25, 160)]
    [InlineData(7, 49, 476)]
    public void Queen_graphs_have_the_DIMACS_sizes(int side, int vertices, int edges)
    {
        var graph = GraphGenerators.Build(GraphGenerators.Queen(side));
        Assert.Equal(vertices, graph.VertexCount);
        Assert.Equal(edges, graph.Edges.EdgeCount);
    }

    [Fact]
    public void Mycielski_graphs_are_triangle_free()
    {
        var graph = GraphGenerators.Build(GraphGenerators.Mycielski(4));
        for (var i = 0; i < graph.Edges.EdgeCount; i++)
        {
            int u = graph.Edges.EdgeU[i], v = graph.Edges.EdgeV[i];
            foreach (var w in graph.NeighborsOf(u)) Assert.False(graph.Adjacent(v, w), $"triangle {u}-{v}-{w}");
        }
        Assert.Equal(2, CliqueBound.Find(graph));
    }

    [Theory]
    [InlineData("DSJC125.5.col", 125, 3891)]
    [InlineData("DSJC250.5.col", 250, 15668)]
    public void The_stored_DSJC_files_parse_to_their_published_sizes(string file, int vertices, int edges)
    {
        var graph = GraphGenerators.Dimacs(file);
        Assert.Equal(vertices, graph.VertexCount);
        Assert.Equal(edges, graph.EdgeCount);
    }

    [Fact]
    public void Small_graphs_have_the_chromatic_numbers_the_literature_gives()
    {
        // Independent check of the exact reference itself: χ(C5) = 3, χ(Grötzsch) = 4, χ(queen5_5) = 5.
        foreach (var (graph, chi) in new[] { (GraphGenerators.Mycielski(2), 3), (GraphGenerators.Mycielski(3), 4), (GraphGenerators.Queen(5), 5) })
        {
            Assert.Equal(chi, ColoringReference.ChromaticNumber(ColoringReference.AdjacencyMatrix(graph.VertexCount, graph.Edges)));
        }
    }
}
