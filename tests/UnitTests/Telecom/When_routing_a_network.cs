using Prism.Compute.Kinds.Telecom;
using Prism.Contracts.Kinds.Telecom;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Telecom;

[Collection(IlgpuCollection.Name)]
public sealed class When_routing_a_network(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<TelecomOptimizeOutput> RunAsync(TelecomOptimizeInput input, IShortestPathEngine? engine = null) =>
        (TelecomOptimizeOutput)await new TelecomOptimizeHandler(engine ?? new ShortestPathCpuEngine()).ExecuteAsync(input, Ct);

    private static TelecomLink Link(string a, string b, double latency, double bandwidth = 10) =>
        new() { Source = a, Target = b, LatencyMs = latency, Bandwidth = bandwidth };

    private static TelecomNode[] Nodes(params string[] ids) => [.. ids.Select(id => new TelecomNode { Id = id })];

    [Fact]
    public async Task It_takes_the_unique_shortest_path_through_a_grid()
    {
        // 3×3 grid: moving right in row y costs 1 + 0.3y, moving down in column x costs 2 + 0.1x.
        // Right-right-down-down (1 + 1 + 2.2 + 2.2 = 6.4) beats the other five orders (6.6 .. 7.2).
        var ids = Enumerable.Range(0, 9).Select(i => $"r{i / 3}c{i % 3}").ToArray();
        var links = new List<TelecomLink>();
        for (var y = 0; y < 3; y++)
            for (var x = 0; x < 3; x++)
            {
                if (x < 2) links.Add(Link($"r{y}c{x}", $"r{y}c{x + 1}", 1 + 0.3 * y));
                if (y < 2) links.Add(Link($"r{y}c{x}", $"r{y + 1}c{x}", 2 + 0.1 * x));
            }
        var input = new TelecomOptimizeInput
        {
            Nodes = Nodes(ids),
            Links = [.. links],
            Demands = [new() { Source = "r0c0", Destination = "r2c2", Bandwidth = 1 }, new() { Source = "r2c2", Destination = "r0c0", Bandwidth = 1 }],
        };
        foreach (IShortestPathEngine engine in new IShortestPathEngine[] { new ShortestPathCpuEngine(), new ShortestPathIlgpuEngine(ilgpu.Device) })
        {
            var output = await RunAsync(input, engine);
            Assert.Equal(["r0c0", "r0c1", "r0c2", "r1c2", "r2c2"], output.Routes[0].Path);
            Assert.Equal(["r2c2", "r1c2", "r0c2", "r0c1", "r0c0"], output.Routes[1].Path);
            Assert.Equal(6.4, output.Routes[0].LatencyMs, 12);
            Assert.Equal(12.8, output.TotalLatencyMs, 12);
            Assert.Equal(0.2, output.MaxLinkUtilization, 12); // both directions share each link: 2 / 10
            Assert.Null(output.Routes[0].Error);
        }
    }

    [Fact]
    public async Task It_takes_the_lower_latency_of_parallel_links()
    {
        var input = new TelecomOptimizeInput
        {
            Nodes = Nodes("A", "B"),
            Links = [Link("A", "B", 5, bandwidth: 100), Link("B", "A", 3, bandwidth: 2)],
            Demands = [new() { Source = "A", Destination = "B", Bandwidth = 1 }],
        };
        var output = await RunAsync(input);
        Assert.Equal(3, output.Routes[0].LatencyMs);
        Assert.Equal(0.5, output.MaxLinkUtilization); // 1 over the 3 ms link of bandwidth 2
    }

    [Fact]
    public async Task It_reports_an_unreachable_demand_and_leaves_it_out_of_the_totals()
    {
        var input = new TelecomOptimizeInput
        {
            Nodes = Nodes("A", "B", "island"),
            Links = [Link("A", "B", 4, bandwidth: 8)],
            Demands = [new() { Source = "A", Destination = "island", Bandwidth = 5 }, new() { Source = "B", Destination = "A", Bandwidth = 2 }, new() { Source = "A", Destination = "A", Bandwidth = 1 }],
        };
        foreach (IShortestPathEngine engine in new IShortestPathEngine[] { new ShortestPathCpuEngine(), new ShortestPathIlgpuEngine(ilgpu.Device) })
        {
            var output = await RunAsync(input, engine);
            Assert.Empty(output.Routes[0].Path);
            Assert.Equal("unreachable", output.Routes[0].Error);
            Assert.Equal(["B", "A"], output.Routes[1].Path);
            Assert.Equal(["A"], output.Routes[2].Path);
            Assert.Equal(0, output.Routes[2].LatencyMs);
            Assert.Equal(4, output.TotalLatencyMs);
            Assert.Equal(0.25, output.MaxLinkUtilization);
        }
    }

    [Fact]
    public async Task It_splits_two_demands_over_two_equal_paths_when_balancing()
    {
        var input = new TelecomOptimizeInput
        {
            Nodes = Nodes("S", "A", "B", "T"),
            Links = [Link("S", "A", 1), Link("A", "T", 1), Link("S", "B", 1), Link("B", "T", 1)],
            Demands = [new() { Source = "S", Destination = "T", Bandwidth = 4 }, new() { Source = "S", Destination = "T", Bandwidth = 4 }],
        };
        var latency = await RunAsync(input);
        // Tie-break: T's predecessor is the lowest-indexed node on a shortest path, A.
        Assert.All(latency.Routes, r => Assert.Equal(["S", "A", "T"], r.Path));
        Assert.Equal(0.8, latency.MaxLinkUtilization, 12);

        var balanced = await RunAsync(input with { Objective = TelecomObjectives.BalanceLoad });
        Assert.Equal(0.4, balanced.MaxLinkUtilization, 12);
        Assert.NotEqual(balanced.Routes[0].Path[1], balanced.Routes[1].Path[1]);
        Assert.Equal(4, balanced.TotalLatencyMs, 12);
    }

    [Theory]
    [InlineData(12, 20, 15, 1)]
    [InlineData(30, 70, 40, 2)]
    [InlineData(25, 24, 30, 3)] // sparse: some demands unreachable
    [InlineData(40, 200, 60, 4)]
    public async Task Both_engines_agree_with_Floyd_Warshall_on_random_networks(int nodes, int links, int demands, int seed)
    {
        var input = RandomNetwork(nodes, links, demands, seed);
        var (graph, indexOf) = RoutingGraph.From(input);
        var reference = RoutingReference.FloydWarshall(graph);

        var cpu = await RunAsync(input, new ShortestPathCpuEngine());
        var gpu = await RunAsync(input, new ShortestPathIlgpuEngine(ilgpu.Device));
        var unreachable = 0;
        for (var i = 0; i < demands; i++)
        {
            var d = input.Demands![i];
            var expected = reference[indexOf[d.Source!], indexOf[d.Destination!]];
            var route = cpu.Routes[i];
            Assert.Equal(route.Path, gpu.Routes[i].Path);
            Assert.Equal(route.LatencyMs, gpu.Routes[i].LatencyMs);
            Assert.Equal(route.Error, gpu.Routes[i].Error);
            if (double.IsPositiveInfinity(expected))
            {
                unreachable++;
                Assert.Equal("unreachable", route.Error);
                continue;
            }
            Assert.Equal(expected, route.LatencyMs, 1e-9 * expected);
            Assert.Equal(d.Source, route.Path[0]);
            Assert.Equal(d.Destination, route.Path[^1]);
            // The path is made of real links whose cheapest latencies add up to the route's latency.
            var sum = 0.0;
            for (var k = 1; k < route.Path.Length; k++)
            {
                var hop = input.Links!.Where(l => (l.Source == route.Path[k - 1] && l.Target == route.Path[k]) || (l.Target == route.Path[k - 1] && l.Source == route.Path[k])).ToArray();
                Assert.NotEmpty(hop);
                sum += hop.Min(l => l.LatencyMs);
            }
            Assert.Equal(route.LatencyMs, sum, 1e-9 * sum);
        }
        Assert.Equal(cpu.MaxLinkUtilization, gpu.MaxLinkUtilization);
        if (seed == 3) Assert.True(unreachable > 0);

        var balanced = await RunAsync(input with { Objective = TelecomObjectives.BalanceLoad });
        Assert.True(balanced.MaxLinkUtilization <= cpu.MaxLinkUtilization);
        Assert.Equal(cpu.Routes.Select(r => r.Error), balanced.Routes.Select(r => r.Error));
    }

    [Fact]
    public async Task The_engines_compute_identical_distances()
    {
        var (graph, _) = RoutingGraph.From(RandomNetwork(50, 150, 1, 9));
        int[] sources = [0, 7, 13, 49];
        var cpu = await new ShortestPathCpuEngine().DistancesAsync(graph, graph.Latency, sources, Ct);
        var gpu = await new ShortestPathIlgpuEngine(ilgpu.Device).DistancesAsync(graph, graph.Latency, sources, Ct);
        Assert.Equal(cpu, gpu);
        Assert.Equal(0, cpu[50 + 7]);
    }

    [Fact]
    public async Task Balancing_lowers_the_peak_on_a_congested_random_network()
    {
        var input = RandomNetwork(60, 180, 300, 5);
        var latency = await RunAsync(input);
        var balanced = await RunAsync(input with { Objective = TelecomObjectives.BalanceLoad });
        Assert.True(balanced.MaxLinkUtilization < 0.95 * latency.MaxLinkUtilization,
            $"balance_load {balanced.MaxLinkUtilization} vs minimize_latency {latency.MaxLinkUtilization}");
        Assert.True(balanced.TotalLatencyMs >= latency.TotalLatencyMs - 1e-9);
    }

    public static TelecomOptimizeInput RandomNetwork(int nodes, int links, int demands, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, nodes).Select(i => $"n{i}").ToArray();
        var list = new List<TelecomLink>();
        while (list.Count < links)
        {
            int a = random.Next(nodes), b = random.Next(nodes);
            if (a == b) continue;
            // Integer-ish latencies make equal-length alternatives (and so the tie-break) common.
            list.Add(Link(ids[a], ids[b], random.Next(1, 10) + (random.Next(4) == 0 ? 0.5 : 0), bandwidth: random.Next(5, 50)));
        }
        return new TelecomOptimizeInput
        {
            Nodes = Nodes(ids),
            Links = [.. list],
            Demands = [.. Enumerable.Range(0, demands).Select(_ => new TelecomDemand { Source = ids[random.Next(nodes)], Destination = ids[random.Next(nodes)], Bandwidth = random.Next(1, 6) })],
        };
    }
}
