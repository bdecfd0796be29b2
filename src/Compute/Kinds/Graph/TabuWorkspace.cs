namespace Prism.Compute.Kinds.Graph;

/// <summary>The state of one CPU tabu chain, reused by the chains one worker thread runs.</summary>
public sealed class TabuWorkspace(int vertexCount, int colors)
{
    public int[] Colors { get; } = new int[vertexCount];
    public int[] Gamma { get; } = new int[vertexCount * colors];
    public int[] Tabu { get; } = new int[vertexCount * colors];
    public int[] ConflictList { get; } = new int[vertexCount];
    public int[] ConflictPosition { get; } = new int[vertexCount];
}
