namespace Prism.Contracts.Kinds.Telecom;

/// <summary>The route of one demand; an unreachable demand has an empty path and <c>error: "unreachable"</c>.</summary>
public sealed record TelecomRoute
{
    /// <summary>0-based index of the demand in the input.</summary>
    public required int DemandIndex { get; init; }

    /// <summary>Node ids from source to destination.</summary>
    public required string[] Path { get; init; }
    public required double LatencyMs { get; init; }
    public string? Error { get; init; }
}
