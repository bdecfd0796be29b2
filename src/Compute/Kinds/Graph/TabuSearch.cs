using System.Runtime.CompilerServices;

namespace Prism.Compute.Kinds.Graph;

/// <summary>
/// One TabuCol chain on the CPU (Hertz &amp; de Werra; tenure after Galinier &amp; Hao). A step-for-step
/// mirror of <see cref="ColoringKernels.TabuSearch"/> — same moves, same random draws — so the CPU
/// engine and the kernel agree colour for colour on the same chain.
/// </summary>
public static class TabuSearch
{
    /// <summary>
    /// Tries to turn <paramref name="start"/> (colours 0..k, colour k to be removed) into a
    /// conflict-free k-colouring, left in <see cref="TabuWorkspace.Colors"/>. Returns a <see cref="TabuStatus"/>.
    /// Gives up (<see cref="TabuStatus.Abandoned"/>) once <paramref name="winner"/> names a lower chain.
    /// </summary>
    public static int Run(ColoringGraph graph, int[] start, int k, int maxIterations, long seed, int chain,
        TabuWorkspace workspace, StrongBox<int> winner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(winner);
        int n = graph.VertexCount, nk = n * k;
        var rowStart = graph.RowStart;
        var neighbors = graph.Neighbors;
        var c = workspace.Colors;
        var gamma = workspace.Gamma;
        var tabu = workspace.Tabu;
        var confList = workspace.ConflictList;
        var confPos = workspace.ConflictPosition;
        var rng = ChainRandom.Seed(seed, k, chain);

        for (var v = 0; v < n; v++)
        {
            var col = start[v];
            if (col >= k)
            {
                rng = ChainRandom.Next(rng);
                col = ChainRandom.Below(rng, k);
            }
            c[v] = col;
        }
        Array.Clear(gamma, 0, nk);
        Array.Clear(tabu, 0, nk);
        for (var v = 0; v < n; v++)
        {
            for (var e = rowStart[v]; e < rowStart[v + 1]; e++) gamma[v * k + c[neighbors[e]]]++;
        }
        int confCount = 0, f = 0;
        for (var v = 0; v < n; v++)
        {
            confPos[v] = -1;
            var g = gamma[v * k + c[v]];
            if (g > 0)
            {
                f += g;
                confPos[v] = confCount;
                confList[confCount++] = v;
            }
        }
        f /= 2;
        var bestF = f;

        for (var it = 0; ; it++)
        {
            if (f == 0) return TabuStatus.Solved;
            if (it >= maxIterations) return TabuStatus.Exhausted;
            if ((it & TabuStatus.CheckMask) == 0)
            {
                if (Volatile.Read(ref winner.Value) < chain) return TabuStatus.Abandoned;
                cancellationToken.ThrowIfCancellationRequested();
            }

            int bestDelta = int.MaxValue, bv = -1, bc = -1, ties = 0;
            for (var i = 0; i < confCount; i++)
            {
                var v = confList[i];
                int row = v * k, cv = c[v], gv = gamma[row + cv];
                for (var col = 0; col < k; col++)
                {
                    if (col == cv) continue;
                    var d = gamma[row + col] - gv;
                    if (tabu[row + col] > it && f + d >= bestF) continue;
                    if (d < bestDelta)
                    {
                        bestDelta = d;
                        bv = v;
                        bc = col;
                        ties = 1;
                    }
                    else if (d == bestDelta)
                    {
                        ties++;
                        rng = ChainRandom.Next(rng);
                        if (ChainRandom.Below(rng, ties) == 0)
                        {
                            bv = v;
                            bc = col;
                        }
                    }
                }
            }
            if (bv < 0)
            {
                // Every move is tabu and none aspirates: a random move keeps the chain going.
                rng = ChainRandom.Next(rng);
                bv = confList[ChainRandom.Below(rng, confCount)];
                rng = ChainRandom.Next(rng);
                bc = ChainRandom.Below(rng, k - 1);
                if (bc >= c[bv]) bc++;
                bestDelta = gamma[bv * k + bc] - gamma[bv * k + c[bv]];
            }

            var old = c[bv];
            c[bv] = bc;
            f += bestDelta;
            for (var e = rowStart[bv]; e < rowStart[bv + 1]; e++)
            {
                var u = neighbors[e];
                var ur = u * k;
                gamma[ur + old]--;
                gamma[ur + bc]++;
                var cu = c[u];
                if (cu == old && gamma[ur + old] == 0) Remove(u);
                else if (cu == bc && gamma[ur + bc] == 1) Add(u);
            }
            var wasConflicting = confPos[bv] >= 0;
            var isConflicting = gamma[bv * k + bc] > 0;
            if (wasConflicting && !isConflicting) Remove(bv);
            else if (!wasConflicting && isConflicting) Add(bv);

            rng = ChainRandom.Next(rng);
            tabu[bv * k + old] = it + 1 + ChainRandom.Below(rng, 10) + 6 * confCount / 10;
            if (f < bestF) bestF = f;
        }

        void Remove(int u)
        {
            var pos = confPos[u];
            var last = confList[--confCount];
            confList[pos] = last;
            confPos[last] = pos;
            confPos[u] = -1;
        }

        void Add(int u)
        {
            confPos[u] = confCount;
            confList[confCount++] = u;
        }
    }
}
