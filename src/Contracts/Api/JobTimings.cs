namespace Prism.Contracts.Api;

/// <summary>Where a job's time went, in milliseconds. Null until the stage is known.</summary>
public sealed record JobTimings
{
    /// <summary>Submitted → started.</summary>
    public double? QueueMs { get; init; }

    /// <summary>The computation itself, as the processor measured it.</summary>
    public double? ComputeMs { get; init; }

    /// <summary>Submitted → completed.</summary>
    public double? TotalMs { get; init; }
}
