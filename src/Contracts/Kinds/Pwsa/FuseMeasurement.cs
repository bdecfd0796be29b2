namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>A position measurement: time in seconds and position [x, y, z].</summary>
public sealed record FuseMeasurement
{
    public double? T { get; init; }
    public double[]? Position { get; init; }
}
