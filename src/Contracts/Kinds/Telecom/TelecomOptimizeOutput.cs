namespace Prism.Contracts.Kinds.Telecom;

/// <summary>Output of <c>telecom.optimize</c>.</summary>
public sealed record TelecomOptimizeOutput
{
    /// <summary>One route per demand, in input order.</summary>
    public required TelecomRoute[] Routes { get; init; }

    /// <summary>Sum of the routed demands' latencies.</summary>
    public required double TotalLatencyMs { get; init; }

    /// <summary>Max over links of (bandwidth routed over it, both directions) ÷ its bandwidth; may exceed 1.</summary>
    public required double MaxLinkUtilization { get; init; }
}
