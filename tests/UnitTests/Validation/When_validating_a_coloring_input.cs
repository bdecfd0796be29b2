using System.Text.Json;
using Prism.Contracts.Kinds.Graph;
using Prism.Contracts.Validation;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_coloring_input
{
    private static readonly GraphColorKind Kind = new();

    private static JobInputParseResult Parse(string json) => Kind.Parse(JsonDocument.Parse(json).RootElement);

    private static IReadOnlyDictionary<string, string[]> Errors(string json) => Parse(json).Errors.ToDictionary();

    private static SimpleGraph Read(GraphColorInput input)
    {
        var errors = new ValidationErrors();
        var graph = GraphReader.Read(input, errors);
        Assert.True(errors.IsValid, errors.ToString());
        return graph!;
    }

    [Fact]
    public void It_accepts_an_edge_list_and_applies_defaults()
    {
        var result = Parse("""{"vertexCount":3,"edges":[[0,1],[1,2]]}""");
        Assert.True(result.IsValid, result.Errors.ToString());
        var input = Assert.IsType<GraphColorInput>(result.Input);
        Assert.Equal(GraphColorKind.DefaultAttempts, input.Attempts);
        Assert.Equal(GraphColorKind.DefaultIterations, input.Iterations);
        Assert.Null(input.MaxColors);
    }

    [Fact]
    public void It_reads_DIMACS_text_with_comments_one_based_vertices_and_both_directions()
    {
        const string text = "c a triangle plus a pendant vertex\r\nc\np edge 4 8\ne 1 2\ne 2 1\n\n  e 2 3\ne 3 1\ne 1 3\ne 4 3\nc trailing comment\n";
        var graph = Read(new GraphColorInput { Dimacs = text });
        Assert.Equal(4, graph.VertexCount);
        Assert.Equal([0, 0, 1, 2], graph.EdgeU);
        Assert.Equal([1, 2, 2, 3], graph.EdgeV);
    }

    [Fact]
    public void It_accepts_the_col_format_word_too()
    {
        Assert.Equal(1, Read(new GraphColorInput { Dimacs = "p col 2 1\ne 1 2" }).EdgeCount);
    }

    [Fact]
    public void It_merges_duplicate_and_reversed_edges_of_an_edge_list()
    {
        var graph = Read(new GraphColorInput { VertexCount = 4, Edges = [[3, 0], [0, 3], [1, 2], [2, 1], [1, 2]] });
        Assert.Equal([0, 1], graph.EdgeU);
        Assert.Equal([3, 2], graph.EdgeV);
    }

    [Theory]
    [InlineData("""{"vertexCount":3,"edges":[[0,1],[1,1]]}""", "input.edges[1]", "self-loop")]
    [InlineData("""{"vertexCount":3,"edges":[[0,1],[1,2],[2,3]]}""", "input.edges[2]", "0..2")]
    [InlineData("""{"vertexCount":3,"edges":[[0,-1]]}""", "input.edges[0]", "0..2")]
    [InlineData("""{"vertexCount":3,"edges":[[0,1,2]]}""", "input.edges[0]", "pair")]
    [InlineData("""{"vertexCount":0,"edges":[]}""", "input.vertexCount", "between")]
    [InlineData("""{"vertexCount":10001,"edges":[]}""", "input.vertexCount", "between")]
    [InlineData("""{"vertexCount":3}""", "input.edges", "required")]
    [InlineData("""{"edges":[[0,1]]}""", "input.vertexCount", "required")]
    [InlineData("""{}""", "input.vertexCount", "dimacs")]
    [InlineData("""{"vertexCount":2,"edges":[[0,1]],"dimacs":"p edge 2 1\ne 1 2"}""", "input.dimacs", "not both")]
    [InlineData("""{"dimacs":"e 1 2\np edge 2 1"}""", "input.dimacs", "line 1")]
    [InlineData("""{"dimacs":"p edge 2 1\ne 1 3"}""", "input.dimacs", "line 2")]
    [InlineData("""{"dimacs":"p edge 2 1\ne 2 2"}""", "input.dimacs", "self-loop")]
    [InlineData("""{"dimacs":"p edge 2 1\ne 1 x"}""", "input.dimacs", "line 2")]
    [InlineData("""{"dimacs":"p edge 2 1\nn 1 5"}""", "input.dimacs", "unknown line type")]
    [InlineData("""{"dimacs":"c nothing here"}""", "input.dimacs", "no 'p edge")]
    [InlineData("""{"dimacs":"p edge 20000 1"}""", "input.dimacs", "10000")]
    [InlineData("""{"dimacs":"p edge 2 1\np edge 2 1"}""", "input.dimacs", "second 'p'")]
    [InlineData("""{"vertexCount":2,"edges":[[0,1]],"maxColors":0}""", "input.maxColors", "between")]
    [InlineData("""{"vertexCount":2,"edges":[[0,1]],"attempts":0}""", "input.attempts", "between")]
    [InlineData("""{"vertexCount":2,"edges":[[0,1]],"attempts":257}""", "input.attempts", "between")]
    [InlineData("""{"vertexCount":2,"edges":[[0,1]],"iterations":0}""", "input.iterations", "between")]
    [InlineData("""{"vertexCount":2,"edges":[[0,1]],"attempts":256,"iterations":5000000}""", "input.iterations", "attempts × iterations")]
    [InlineData("""{"vertexCount":1e400,"edges":[]}""", "input.vertexCount", "")]
    [InlineData("""{"vertexCount":2,"edges":[[0,1.5]]}""", "input.edges[0][1]", "")]
    [InlineData("""{"vertexCount":2,"edges":[],"colours":3}""", "input.colours", "")]
    public void It_names_the_field_at_fault(string json, string field, string fragment)
    {
        var errors = Errors(json);
        Assert.True(errors.ContainsKey(field), $"expected {field}, got {string.Join(", ", errors.Keys)}");
        Assert.Contains(fragment, string.Join(" ", errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void Its_work_is_capped_at_attempts_times_iterations_times_the_root_of_the_vertex_count()
    {
        // The defaults fit the largest graph: 16 × 200,000 × √10,000 = 3.2e8.
        Assert.Empty(Errors("""{"vertexCount":10000,"edges":[]}"""));
        // Exactly the budget on it (16 × 312,500 × 100 = 5e8) is accepted; one iteration more is not.
        Assert.Equal(5e8, GraphColorKind.MaxWork);
        Assert.Empty(Errors("""{"vertexCount":10000,"edges":[],"attempts":16,"iterations":312500}"""));
        var errors = Errors("""{"vertexCount":10000,"edges":[],"attempts":16,"iterations":312501}""");
        Assert.True(errors.ContainsKey("input.iterations"), string.Join("; ", errors.Keys));
        Assert.Contains("attempts × iterations × √vertices", string.Join(" ", errors["input.iterations"]), StringComparison.Ordinal);
        // The same budget on a 100-vertex graph is ten times less work and is accepted.
        Assert.Empty(Errors("""{"vertexCount":100,"edges":[],"attempts":16,"iterations":312501}"""));
    }

    [Fact]
    public void It_refuses_more_edges_than_the_limit()
    {
        var edges = Enumerable.Range(0, GraphColorKind.MaxEdges + 1).Select(i => new[] { i % 100, 100 + i % 50 }).ToArray();
        var errors = new ValidationErrors();
        Assert.Null(GraphReader.Read(new GraphColorInput { VertexCount = 200, Edges = edges }, errors));
        Assert.Contains(".edges", errors.ToDictionary().Keys);
    }
}
