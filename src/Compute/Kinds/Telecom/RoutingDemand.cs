namespace Prism.Compute.Kinds.Telecom;

/// <summary>A demand by node index.</summary>
public readonly record struct RoutingDemand(int Source, int Destination, double Bandwidth);
