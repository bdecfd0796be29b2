using BenchmarkDotNet.Attributes;
using Prism.Compute.Kinds.Telecom;
using Prism.Contracts.Kinds.Telecom;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary>
/// <c>telecom.optimize</c> on 2,000 nodes, 10,000 links, 5,000 demands: the plain one-Dijkstra-per-demand
/// loop vs. the CPU engine (one search per distinct source, in parallel) and the full balance_load job.
/// </summary>
[MemoryDiagnoser]
public class TelecomBenchmarks
{
    private const int Nodes = 2000, Links = 10_000, Demands = 5000;
    private TelecomOptimizeInput _input = null!;
    private RoutingGraph _graph = null!;
    private RoutingDemand[] _demands = [];
    private TelecomOptimizeHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        var ids = Enumerable.Range(0, Nodes).Select(i => $"n{i}").ToArray();
        var links = new List<TelecomLink>();
        // A ring keeps the network connected; the rest are random chords.
        for (var i = 0; i < Nodes; i++) links.Add(new TelecomLink { Source = ids[i], Target = ids[(i + 1) % Nodes], LatencyMs = 1 + random.Next(20), Bandwidth = 100 });
        while (links.Count < Links)
        {
            int a = random.Next(Nodes), b = random.Next(Nodes);
            if (a != b) links.Add(new TelecomLink { Source = ids[a], Target = ids[b], LatencyMs = 1 + random.Next(50), Bandwidth = 10 + random.Next(90) });
        }
        _input = new TelecomOptimizeInput
        {
            Nodes = [.. ids.Select(id => new TelecomNode { Id = id })],
            Links = [.. links],
            Demands = [.. Enumerable.Range(0, Demands).Select(_ => new TelecomDemand { Source = ids[random.Next(Nodes)], Destination = ids[random.Next(Nodes)], Bandwidth = 1 + random.Next(5) })],
        };
        Dictionary<string, int> indexOf;
        (_graph, indexOf) = RoutingGraph.From(_input);
        _demands = [.. _input.Demands!.Select(d => new RoutingDemand(indexOf[d.Source!], indexOf[d.Destination!], d.Bandwidth))];
        _handler = new TelecomOptimizeHandler(new ShortestPathCpuEngine());
    }

    [Benchmark(Baseline = true, Description = "plain Dijkstra per demand")]
    public double[] Reference() => RoutingReference.Latencies(_graph, _demands);

    [Benchmark(Description = "CPU engine, minimize_latency")]
    public object MinimizeLatency() => _handler.ExecuteAsync(_input, CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark(Description = "CPU engine, balance_load")]
    public object BalanceLoad() => _handler.ExecuteAsync(_input with { Objective = TelecomObjectives.BalanceLoad }, CancellationToken.None).GetAwaiter().GetResult();
}
