using ILGPU;

namespace Prism.Compute.Kinds.Graph;

/// <summary>ILGPU kernels of <c>graph.color</c>.</summary>
public static class ColoringKernels
{
    /// <summary>
    /// One thread per TabuCol chain trying <c>p.Colors</c> = k colours. The chain recolours the
    /// vertices of the start colouring's colour k at random, then makes the best non-tabu move among
    /// conflicting vertices (aspiration when it beats the chain's best), ties broken at random, with
    /// tenure 1 + U[0,10) + ⌊0.6·conflicting vertices⌋, until no conflict is left or the budget ends.
    /// Per-chain state lives in slices of global memory: <paramref name="colors"/> (n),
    /// <paramref name="table"/> (γ then tabu, 2·n·k) and <paramref name="scratch"/> (conflict list and
    /// positions, 2·n). <paramref name="outcome"/>[0] is the lowest solved chain (atomic min), [1 + chain]
    /// its <see cref="TabuStatus"/>. Mirrors <see cref="TabuSearch.Run"/> step for step, so both engines
    /// produce the same colouring for the same chain.
    /// </summary>
    public static void TabuSearch(
        Index1D chain,
        ArrayView<int> rowStart,
        ArrayView<int> neighbors,
        ArrayView<int> start,
        ArrayView<int> colors,
        ArrayView<int> table,
        ArrayView<int> scratch,
        ArrayView<int> outcome,
        TabuKernelParams p)
    {
        int slot = chain.X, id = p.FirstChain + slot, n = p.VertexCount, k = p.Colors, nk = n * k;
        var c = colors.SubView((long)slot * n, n);
        var gamma = table.SubView((long)slot * 2 * nk, nk);
        var tabu = table.SubView((long)slot * 2 * nk + nk, nk);
        var confList = scratch.SubView((long)slot * 2 * n, n);
        var confPos = scratch.SubView((long)slot * 2 * n + n, n);
        var rng = ChainRandom.Seed(p.Seed, k, id);

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
        for (var i = 0; i < nk; i++)
        {
            gamma[i] = 0;
            tabu[i] = 0;
        }
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
        var status = TabuStatus.Exhausted;

        for (var it = 0; ; it++)
        {
            if (f == 0)
            {
                status = TabuStatus.Solved;
                break;
            }
            if (it >= p.MaxIterations) break;
            if ((it & TabuStatus.CheckMask) == 0 && Atomic.Add(ref outcome[0], 0) < id)
            {
                status = TabuStatus.Abandoned;
                break;
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
                if (cu == old && gamma[ur + old] == 0)
                {
                    var pos = confPos[u];
                    var last = confList[--confCount];
                    confList[pos] = last;
                    confPos[last] = pos;
                    confPos[u] = -1;
                }
                else if (cu == bc && gamma[ur + bc] == 1)
                {
                    confPos[u] = confCount;
                    confList[confCount++] = u;
                }
            }
            var wasConflicting = confPos[bv] >= 0;
            var isConflicting = gamma[bv * k + bc] > 0;
            if (wasConflicting && !isConflicting)
            {
                var pos = confPos[bv];
                var last = confList[--confCount];
                confList[pos] = last;
                confPos[last] = pos;
                confPos[bv] = -1;
            }
            else if (!wasConflicting && isConflicting)
            {
                confPos[bv] = confCount;
                confList[confCount++] = bv;
            }

            rng = ChainRandom.Next(rng);
            tabu[bv * k + old] = it + 1 + ChainRandom.Below(rng, 10) + 6 * confCount / 10;
            if (f < bestF) bestF = f;
        }

        outcome[1 + slot] = status;
        if (status == TabuStatus.Solved) Atomic.Min(ref outcome[0], id);
    }
}
