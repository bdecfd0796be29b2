using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Telecom;

/// <summary>Schema of <c>telecom.optimize</c>.</summary>
public sealed class TelecomOptimizeKind : JobKind<TelecomOptimizeInput>
{
    public const int MaxNodes = 10_000;
    public const int MaxLinks = 100_000;
    public const int MaxDemands = 50_000;
    public const int MaxIdLength = 64;

    /// <summary>
    /// Smallest link latency. A positive floor keeps every path sum strictly increasing in double
    /// precision (10⁴ hops × 10⁶ ms stays far below where 0.001 would be lost to rounding), which the
    /// deterministic tie-break relies on.
    /// </summary>
    public const double MinLatencyMs = 0.001;
    public const double MaxLatencyMs = 1e6;
    public const double MaxBandwidth = 1e12;

    /// <summary>
    /// Most work per job, in node-and-link visits: (distinct demand sources, plus every demand for
    /// <c>balance_load</c>'s re-routing) × (nodes + links). One shortest-path search per distinct source visits
    /// every node and link; <c>balance_load</c> re-routes each demand up to 10 rounds by early-exit searches,
    /// measured at about a third of a full search per demand, so counting one full search per demand is
    /// conservative. 5·10⁸ is ~45 s on the CPU engine on 2 busy cores (docs/kinds/telecom.optimize.md);
    /// the size limits alone allowed 10⁴ sources × 1.1·10⁵ = 1.1·10⁹ plus 5·10⁴ re-routed demands, minutes.
    /// </summary>
    public const double MaxWork = 5e8;

    public override string Name => JobKinds.TelecomOptimize;

    public override void Validate(TelecomOptimizeInput input, ValidationErrors errors)
    {
        if (input.Objective is null || !TelecomObjectives.All.Contains(input.Objective))
        {
            errors.Add(".objective", $"must be one of: {string.Join(", ", TelecomObjectives.All)}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (errors.Length(".nodes", input.Nodes, 1, MaxNodes))
        {
            for (var i = 0; i < input.Nodes!.Length; i++)
            {
                var node = input.Nodes[i];
                if (node?.Id is not { } id || string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
                {
                    errors.Add($".nodes[{i}].id", $"must be a non-blank string of at most {MaxIdLength} characters.");
                    return;
                }
                if (!ids.Add(id))
                {
                    errors.Add($".nodes[{i}].id", $"'{id}' appears more than once.");
                    return;
                }
                if (node.Capacity is { } capacity && errors.Range($".nodes[{i}].capacity", capacity, 0, MaxBandwidth) is false) return;
            }
        }
        else
        {
            return;
        }

        if (errors.Length(".links", input.Links, 0, MaxLinks))
        {
            for (var i = 0; i < input.Links!.Length; i++)
            {
                var link = input.Links[i];
                var field = $".links[{i}]";
                if (link is null)
                {
                    errors.Add(field, "is required.");
                    return;
                }
                var ok = KnownNode(errors, field + ".source", link.Source, ids) & KnownNode(errors, field + ".target", link.Target, ids);
                if (ok && link.Source == link.Target) errors.Add(field + ".target", "must differ from source (a link may not loop on one node).");
                errors.Range(field + ".latencyMs", link.LatencyMs, MinLatencyMs, MaxLatencyMs);
                if (errors.Range(field + ".bandwidth", link.Bandwidth, 0, MaxBandwidth) && link.Bandwidth <= 0)
                {
                    errors.Add(field + ".bandwidth", "must be greater than 0.");
                }
                if (errors.Count > 20) return;
            }
        }

        if (errors.Length(".demands", input.Demands, 1, MaxDemands))
        {
            for (var i = 0; i < input.Demands!.Length; i++)
            {
                var demand = input.Demands[i];
                var field = $".demands[{i}]";
                if (demand is null)
                {
                    errors.Add(field, "is required.");
                    return;
                }
                KnownNode(errors, field + ".source", demand.Source, ids);
                KnownNode(errors, field + ".destination", demand.Destination, ids);
                errors.Range(field + ".bandwidth", demand.Bandwidth, 0, MaxBandwidth);
                if (errors.Count > 20) return;
            }
        }
        if (errors.Count == 0) CheckWork(input, errors);
    }

    /// <summary>The work of a valid input, <see cref="MaxWork"/> at most (400 naming <c>input.demands</c>).</summary>
    private static void CheckWork(TelecomOptimizeInput input, ValidationErrors errors)
    {
        var sources = input.Demands!.Where(d => d!.Source != d.Destination).Select(d => d!.Source).Distinct(StringComparer.Ordinal).Count();
        var balance = input.Objective == TelecomObjectives.BalanceLoad;
        var searches = (double)sources + (balance ? input.Demands!.Length : 0);
        var work = searches * ((double)input.Nodes!.Length + (input.Links?.Length ?? 0));
        if (work <= MaxWork) return;
        var measure = balance ? "(distinct demand sources + demands) × (nodes + links)" : "distinct demand sources × (nodes + links)";
        errors.Add(".demands", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the work {measure} = {searches:0} × {input.Nodes.Length + (input.Links?.Length ?? 0)} = {work:0.###e0} exceeds {MaxWork:0e0}; split the demands over several jobs or use fewer nodes and links."));
    }

    private static bool KnownNode(ValidationErrors errors, string field, string? id, HashSet<string> ids)
    {
        if (id is null)
        {
            errors.Add(field, "is required.");
            return false;
        }
        if (ids.Contains(id)) return true;
        errors.Add(field, $"'{id}' is not the id of a node.");
        return false;
    }
}
