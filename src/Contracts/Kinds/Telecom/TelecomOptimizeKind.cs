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
