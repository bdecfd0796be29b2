using ILGPU;

namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// ILGPU kernels of <c>pixels.segment</c>: lock-free union-find with atomic-min links (Playne and
/// Hawick, "A New Algorithm for Parallel Connected-Component Labelling on GPUs", 2018), one thread per
/// pixel and three launches: <see cref="Init"/>, <see cref="Merge"/>, <see cref="Resolve"/>.
/// Labels only ever decrease and always point at a pixel of the same component with a smaller or
/// equal index, so a stale read is still a valid ancestor and the root is the component's first pixel.
/// </summary>
public static class SegmentKernels
{
    /// <summary>Each foreground pixel starts as its own root; background is −1.</summary>
    public static void Init(Index1D index, ArrayView<ushort> pixels, ArrayView<int> labels, SegmentKernelParams p)
    {
        labels[index] = pixels[index] >= p.Threshold ? (int)index : -1;
    }

    /// <summary>Unions each foreground pixel with its foreground neighbours above and to the left.</summary>
    public static void Merge(Index1D index, ArrayView<ushort> pixels, ArrayView<int> labels, SegmentKernelParams p)
    {
        int i = index;
        if (pixels[i] < p.Threshold) return;
        int x = i % p.Width, y = i / p.Width;
        if (x > 0 && pixels[i - 1] >= p.Threshold) Union(labels, i, i - 1);
        if (y == 0) return;
        var up = i - p.Width;
        if (pixels[up] >= p.Threshold)
        {
            Union(labels, i, up);
        }
        else if (p.Connectivity == 8)
        {
            if (x > 0 && pixels[up - 1] >= p.Threshold) Union(labels, i, up - 1);
            if (x + 1 < p.Width && pixels[up + 1] >= p.Threshold) Union(labels, i, up + 1);
        }
    }

    /// <summary>Points every foreground pixel straight at its root (after every union has finished).</summary>
    public static void Resolve(Index1D index, ArrayView<int> labels)
    {
        var root = labels[index];
        if (root < 0) return;
        while (labels[root] != root) root = labels[root];
        labels[index] = root;
    }

    private static int Find(ArrayView<int> labels, int x)
    {
        var next = labels[x];
        while (next != x)
        {
            x = next;
            next = labels[x];
        }
        return x;
    }

    private static void Union(ArrayView<int> labels, int a, int b)
    {
        var done = false;
        while (!done)
        {
            a = Find(labels, a);
            b = Find(labels, b);
            if (a < b)
            {
                // Succeeds only if b is still a root; otherwise retry from what b now points to.
                var old = Atomic.Min(ref labels[b], a);
                done = old == b;
                b = old;
            }
            else if (b < a)
            {
                var old = Atomic.Min(ref labels[a], b);
                done = old == a;
                a = old;
            }
            else
            {
                done = true;
            }
        }
    }
}
