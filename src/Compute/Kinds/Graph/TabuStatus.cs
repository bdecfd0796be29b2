namespace Prism.Compute.Kinds.Graph;

/// <summary>How a tabu chain ended (the values the kernel writes).</summary>
public static class TabuStatus
{
    /// <summary>The iteration budget ran out with conflicts left.</summary>
    public const int Exhausted = 0;

    /// <summary>A conflict-free colouring was found.</summary>
    public const int Solved = 1;

    /// <summary>Stopped early because a chain with a lower index had already succeeded (its result wins).</summary>
    public const int Abandoned = -1;

    /// <summary>Chains look at the shared winner this often (a power of two minus one, as a mask).</summary>
    public const int CheckMask = 1023;
}
