using System.Text.Json;
using Prism.Contracts.Kinds.Telecom;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_network_input
{
    private static readonly TelecomOptimizeKind Kind = new();

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    private const string Nodes = "\"nodes\":[{\"id\":\"a\"},{\"id\":\"b\",\"capacity\":100}]";

    [Fact]
    public void It_accepts_a_valid_network_and_defaults_to_minimize_latency()
    {
        var result = Kind.Parse(JsonDocument.Parse("{" + Nodes + ",\"links\":[{\"source\":\"a\",\"target\":\"b\",\"latencyMs\":2,\"bandwidth\":10}],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":1}]}").RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        Assert.Equal(TelecomObjectives.MinimizeLatency, Assert.IsType<TelecomOptimizeInput>(result.Input).Objective);
    }

    [Theory]
    [InlineData("\"links\":[{\"source\":\"a\",\"target\":\"zz\",\"latencyMs\":2,\"bandwidth\":10}],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":1}]", "input.links[0].target")]
    [InlineData("\"links\":[],\"demands\":[{\"source\":\"q\",\"destination\":\"b\",\"bandwidth\":1}]", "input.demands[0].source")]
    [InlineData("\"links\":[],\"demands\":[{\"source\":\"a\",\"destination\":\"q\",\"bandwidth\":1}]", "input.demands[0].destination")]
    [InlineData("\"links\":[{\"source\":\"a\",\"target\":\"a\",\"latencyMs\":2,\"bandwidth\":10}],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":1}]", "input.links[0].target")]
    [InlineData("\"links\":[{\"source\":\"a\",\"target\":\"b\",\"latencyMs\":0,\"bandwidth\":10}],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":1}]", "input.links[0].latencyMs")]
    [InlineData("\"links\":[{\"source\":\"a\",\"target\":\"b\",\"latencyMs\":1,\"bandwidth\":0}],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":1}]", "input.links[0].bandwidth")]
    [InlineData("\"links\":[{\"source\":\"a\",\"target\":\"b\",\"latencyMs\":1,\"bandwidth\":1e400}],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":1}]", "input.links[0].bandwidth")]
    [InlineData("\"links\":[],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":-1}]", "input.demands[0].bandwidth")]
    [InlineData("\"links\":[],\"demands\":[]", "input.demands")]
    [InlineData("\"links\":[],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":1}],\"objective\":\"fastest\"", "input.objective")]
    [InlineData("\"links\":[{\"target\":\"b\",\"latencyMs\":1,\"bandwidth\":1}],\"demands\":[{\"source\":\"a\",\"destination\":\"b\",\"bandwidth\":1}]", "input.links[0].source")]
    public void It_names_the_field_at_fault(string rest, string field)
    {
        Assert.Contains(field, Errors("{" + Nodes + "," + rest + "}").Keys);
    }

    [Theory]
    [InlineData("{\"nodes\":[{\"id\":\"a\"},{\"id\":\"a\"}],\"demands\":[{\"source\":\"a\",\"destination\":\"a\",\"bandwidth\":1}]}", "input.nodes[1].id")]
    [InlineData("{\"nodes\":[{\"id\":\"\"}],\"demands\":[{\"source\":\"a\",\"destination\":\"a\",\"bandwidth\":1}]}", "input.nodes[0].id")]
    [InlineData("{\"nodes\":[{\"id\":\"a\",\"capacity\":-1}],\"demands\":[{\"source\":\"a\",\"destination\":\"a\",\"bandwidth\":1}]}", "input.nodes[0].capacity")]
    [InlineData("{\"nodes\":[],\"demands\":[]}", "input.nodes")]
    public void It_checks_the_nodes(string json, string field)
    {
        Assert.Contains(field, Errors(json).Keys);
    }

    [Fact]
    public void It_says_which_id_is_unknown()
    {
        var errors = Errors("{" + Nodes + ",\"links\":[],\"demands\":[{\"source\":\"a\",\"destination\":\"mars\",\"bandwidth\":1}]}");
        Assert.Contains("'mars'", Assert.Single(errors["input.demands[0].destination"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Its_work_is_capped_at_the_documented_node_and_link_visits()
    {
        Assert.Equal(5e8, TelecomOptimizeKind.MaxWork);
        // 10,000 distinct sources × (10,000 nodes + 40,000 links) = 5e8: exactly the budget.
        Assert.Empty(Errors(Network(links: 40_000, sources: 10_000)));
        // One more link: 10,000 × 50,001 > 5e8.
        var beyond = Errors(Network(links: 40_001, sources: 10_000));
        Assert.Contains("distinct demand sources × (nodes + links)", Assert.Single(beyond["input.demands"]), StringComparison.Ordinal);

        // balance_load also counts each demand: (5,000 sources + 5,000 demands) × 50,000 = 5e8 is the budget,
        // one more link is beyond it, while minimize_latency takes the same network easily.
        Assert.Empty(Errors(Network(links: 40_000, sources: 5_000, objective: TelecomObjectives.BalanceLoad)));
        Assert.Contains("(distinct demand sources + demands)", Assert.Single(Errors(Network(links: 40_001, sources: 5_000, objective: TelecomObjectives.BalanceLoad))["input.demands"]), StringComparison.Ordinal);
        Assert.Empty(Errors(Network(links: 40_001, sources: 5_000)));
    }

    /// <summary>10,000 nodes, <paramref name="links"/> links, one demand from each of the first <paramref name="sources"/> nodes.</summary>
    private static string Network(int links, int sources, string objective = TelecomObjectives.MinimizeLatency)
    {
        const int n = 10_000;
        var nodes = string.Join(',', Enumerable.Range(0, n).Select(i => $"{{\"id\":\"n{i}\"}}"));
        var linkList = string.Join(',', Enumerable.Range(0, links).Select(i =>
            $"{{\"source\":\"n{i % n}\",\"target\":\"n{(i % n + 1 + i / n) % n}\",\"latencyMs\":1,\"bandwidth\":10}}"));
        var demands = string.Join(',', Enumerable.Range(0, sources).Select(i => $"{{\"source\":\"n{i}\",\"destination\":\"n{(i + 1) % n}\",\"bandwidth\":1}}"));
        return $"{{\"nodes\":[{nodes}],\"links\":[{linkList}],\"demands\":[{demands}],\"objective\":\"{objective}\"}}";
    }
}
