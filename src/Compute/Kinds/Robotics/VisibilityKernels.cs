using ILGPU;

namespace Prism.Compute.Kinds.Robotics;

/// <summary>ILGPU kernels of <c>robotics.plan</c>.</summary>
public static class VisibilityKernels
{
    /// <summary>
    /// One thread per candidate edge (i, j) of a block of rows: thread t is i = FirstRow + t / V,
    /// j = t % V, and only i &lt; j does work. The edge is visible when it clears every obstacle
    /// (<see cref="PlanGeometry.Clears"/>, stopping at the first that blocks); visible edges set bit
    /// j of row i - FirstRow in <paramref name="words"/> (32-bit words, atomic OR: 32 threads share a word).
    /// <paramref name="nodes"/> holds x, y pairs; <paramref name="obstacles"/> holds x, y, reach triples.
    /// </summary>
    public static void Visibility(
        Index1D index,
        ArrayView<double> nodes,
        ArrayView<double> obstacles,
        ArrayView<uint> words,
        VisibilityKernelParams p)
    {
        int t = index.X, row = t / p.NodeCount, i = p.FirstRow + row, j = t % p.NodeCount;
        if (j <= i) return;
        double ax = nodes[2 * i], ay = nodes[2 * i + 1], bx = nodes[2 * j], by = nodes[2 * j + 1];
        for (var o = 0; o < p.ObstacleCount; o++)
        {
            if (!PlanGeometry.Clears(ax, ay, bx, by, obstacles[3 * o], obstacles[3 * o + 1], obstacles[3 * o + 2])) return;
        }
        Atomic.Or(ref words[(long)row * p.WordsPerRow + (j >> 5)], 1u << (j & 31));
    }
}
