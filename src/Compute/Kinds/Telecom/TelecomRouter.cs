namespace Prism.Compute.Kinds.Telecom;

/// <summary>The routing of <c>telecom.optimize</c> around the shortest-path engine.</summary>
public static class TelecomRouter
{
    /// <summary>Sources per engine call, so the distance rows stay small on large networks.</summary>
    public const int SourcesPerCall = 256;

    /// <summary>Re-routing rounds of <c>balance_load</c>.</summary>
    public const int MaxRounds = 10;

    /// <summary>Steepness of the congestion cost: a link at the current maximum utilisation costs e^κ × its latency.</summary>
    public const double Kappa = 10;

    /// <summary>Shortest-latency route of every demand (null when unreachable); distinct sources share one search.</summary>
    public static async Task<NetworkRoute?[]> ShortestRoutesAsync(IShortestPathEngine engine, RoutingGraph graph, RoutingDemand[] demands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(demands);
        var routes = new NetworkRoute?[demands.Length];
        var bySource = new Dictionary<int, List<int>>();
        for (var i = 0; i < demands.Length; i++)
        {
            var d = demands[i];
            if (d.Source == d.Destination)
            {
                routes[i] = new NetworkRoute([d.Source], [], 0);
                continue;
            }
            if (!bySource.TryGetValue(d.Source, out var list)) bySource[d.Source] = list = [];
            list.Add(i);
        }
        var sources = bySource.Keys.Order().ToArray();
        var n = graph.NodeCount;
        for (var first = 0; first < sources.Length; first += SourcesPerCall)
        {
            var chunk = sources[first..Math.Min(sources.Length, first + SourcesPerCall)];
            var distances = await engine.DistancesAsync(graph, graph.Latency, chunk, cancellationToken).ConfigureAwait(false);
            Parallel.For(0, chunk.Length, ComputeThreads.Options(cancellationToken), s =>
            {
                var row = distances.AsSpan(s * n, n);
                foreach (var i in bySource[chunk[s]])
                {
                    var t = demands[i].Destination;
                    routes[i] = double.IsPositiveInfinity(row[t]) ? null : RoutePaths.Trace(graph, graph.Latency, row, chunk[s], t);
                }
            });
        }
        return routes;
    }

    /// <summary>
    /// <c>balance_load</c>: rip-up and re-route. Each round takes the routed demands, largest bandwidth
    /// first (ties by index), removes one demand's load and routes it again by Dijkstra on congestion
    /// costs latency·exp(κ·u/U), u being the link's utilisation with this demand added and U the round's
    /// starting maximum. The routing with the lowest maximum utilisation seen (ties: lower total
    /// latency) wins; the shortest-latency routing is the first candidate, so the answer is never worse.
    /// Stops after <see cref="MaxRounds"/> or when a round changes no route.
    /// </summary>
    public static NetworkRoute?[] Balance(RoutingGraph graph, RoutingDemand[] demands, NetworkRoute?[] initial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(initial);
        var best = (NetworkRoute?[])initial.Clone();
        var bestUtilization = MaxUtilization(graph, demands, best);
        var bestLatency = TotalLatency(best);
        if (bestUtilization == 0) return best;

        var current = (NetworkRoute?[])initial.Clone();
        var load = Loads(graph, demands, current);
        var order = Enumerable.Range(0, demands.Length)
            .Where(i => current[i] is not null && demands[i].Source != demands[i].Destination && demands[i].Bandwidth > 0)
            .OrderByDescending(i => demands[i].Bandwidth).ThenBy(i => i).ToArray();
        var cost = new double[graph.LinkCount];
        var distance = new double[graph.NodeCount];
        var heap = new PriorityQueue<int, double>();

        for (var round = 0; round < MaxRounds; round++)
        {
            var reference = Math.Max(MaxUtilization(graph, demands, current), double.Epsilon);
            var changed = false;
            // cost[e] is a pure function of (load[e], the demand's bandwidth, reference). Demands come
            // largest first, so runs share a bandwidth: refill all costs only when it changes, and
            // otherwise just the links whose load moved.
            var costsFor = double.NaN;
            double Cost(int e, double bandwidth) =>
                graph.Latency[e] * Math.Exp(Kappa * Math.Max(0, load[e] + bandwidth) / graph.Bandwidth[e] / reference);
            foreach (var i in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var d = demands[i];
                foreach (var e in current[i]!.Links) load[e] -= d.Bandwidth;
                if (d.Bandwidth != costsFor)
                {
                    for (var e = 0; e < cost.Length; e++) cost[e] = Cost(e, d.Bandwidth);
                    costsFor = d.Bandwidth;
                }
                else
                {
                    foreach (var e in current[i]!.Links) cost[e] = Cost(e, d.Bandwidth);
                }
                Dijkstra.Run(graph, cost, d.Source, distance, heap, stopAt: d.Destination);
                var route = RoutePaths.Trace(graph, cost, distance, d.Source, d.Destination);
                foreach (var e in route.Links) load[e] += d.Bandwidth;
                foreach (var e in route.Links) cost[e] = Cost(e, d.Bandwidth);
                changed |= !route.Links.AsSpan().SequenceEqual(current[i]!.Links);
                current[i] = route;
            }

            var utilization = MaxUtilization(graph, demands, current);
            var latency = TotalLatency(current);
            if (utilization < bestUtilization * (1 - 1e-12) || (utilization <= bestUtilization * (1 + 1e-12) && latency < bestLatency))
            {
                best = (NetworkRoute?[])current.Clone();
                (bestUtilization, bestLatency) = (utilization, latency);
            }
            if (!changed) break;
            load = Loads(graph, demands, current);
        }
        return best;
    }

    /// <summary>Bandwidth routed over each link (both directions), summed in demand order.</summary>
    public static double[] Loads(RoutingGraph graph, RoutingDemand[] demands, NetworkRoute?[] routes)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(routes);
        var load = new double[graph.LinkCount];
        for (var i = 0; i < routes.Length; i++)
        {
            if (routes[i] is not { } route) continue;
            foreach (var e in route.Links) load[e] += demands[i].Bandwidth;
        }
        return load;
    }

    public static double MaxUtilization(RoutingGraph graph, RoutingDemand[] demands, NetworkRoute?[] routes)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var load = Loads(graph, demands, routes);
        var max = 0.0;
        for (var e = 0; e < load.Length; e++) max = Math.Max(max, load[e] / graph.Bandwidth[e]);
        return max;
    }

    public static double TotalLatency(NetworkRoute?[] routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var total = 0.0;
        foreach (var route in routes) total += route?.LatencyMs ?? 0;
        return total;
    }
}
