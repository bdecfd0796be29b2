using Prism.Contracts;
using Prism.Contracts.Kinds.Telecom;

namespace Prism.Compute.Kinds.Telecom;

/// <summary>
/// <c>telecom.optimize</c>: shortest-latency routes from the engine (all distinct sources at once);
/// for <c>balance_load</c>, congestion-aware re-routing on the host from there.
/// </summary>
public sealed class TelecomOptimizeHandler(IShortestPathEngine engine) : KindHandler<TelecomOptimizeInput, TelecomOptimizeOutput>
{
    public const string UnreachableError = "unreachable";

    public override string Kind => JobKinds.TelecomOptimize;

    protected override async Task<TelecomOptimizeOutput> ExecuteAsync(TelecomOptimizeInput input, CancellationToken cancellationToken)
    {
        var (graph, indexOf) = RoutingGraph.From(input);
        var demands = input.Demands!.Select(d => new RoutingDemand(indexOf[d.Source!], indexOf[d.Destination!], d.Bandwidth)).ToArray();
        var routes = await TelecomRouter.ShortestRoutesAsync(engine, graph, demands, cancellationToken).ConfigureAwait(false);
        if (input.Objective == TelecomObjectives.BalanceLoad)
        {
            routes = await ComputeThreads.RunAsync(() => TelecomRouter.Balance(graph, demands, routes, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return new TelecomOptimizeOutput
        {
            Routes = [.. routes.Select((r, i) => r is null
                ? new TelecomRoute { DemandIndex = i, Path = [], LatencyMs = 0, Error = UnreachableError }
                : new TelecomRoute { DemandIndex = i, Path = [.. r.Nodes.Select(v => graph.Ids[v])], LatencyMs = r.LatencyMs })],
            TotalLatencyMs = TelecomRouter.TotalLatency(routes),
            MaxLinkUtilization = TelecomRouter.MaxUtilization(graph, demands, routes),
        };
    }
}
