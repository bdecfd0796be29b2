namespace Prism.Compute.Kinds.Graph;

/// <summary>
/// The random numbers of a tabu chain: xorshift64 seeded by splitmix64. Plain static arithmetic that
/// ILGPU compiles, so the CPU engine and the kernel draw the same sequence for the same chain.
/// </summary>
public static class ChainRandom
{
    /// <summary>The start state of chain <paramref name="chain"/> when trying <paramref name="colors"/> colours.</summary>
    public static ulong Seed(long seed, int colors, int chain)
    {
        var z = (ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(((long)colors << 20) + chain + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return z == 0 ? 0x9E3779B97F4A7C15UL : z;
    }

    public static ulong Next(ulong state)
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }

    /// <summary>A value in [0, <paramref name="bound"/>) from a state (its high bits; the tiny modulo bias is irrelevant here).</summary>
    public static int Below(ulong state, int bound) => (int)((state >> 33) % (ulong)bound);
}
