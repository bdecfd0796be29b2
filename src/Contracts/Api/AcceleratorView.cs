namespace Prism.Contracts.Api;

/// <summary>Which processor, engine and device ran a job.</summary>
public sealed record AcceleratorView
{
    public required string Engine { get; init; }
    public required string DeviceName { get; init; }
    public string? ProcessorId { get; init; }
}
