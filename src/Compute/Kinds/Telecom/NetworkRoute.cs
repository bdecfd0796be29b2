namespace Prism.Compute.Kinds.Telecom;

/// <summary>A routed demand: its nodes and links from source to destination, and its latency.</summary>
public sealed record NetworkRoute(int[] Nodes, int[] Links, double LatencyMs);
