namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// Managed CPU engine of <c>pixels.segment</c>: two-pass union-find on pixel indices. Strips of rows
/// are labelled in parallel (each strip touches only its own entries), the rows where strips meet are
/// merged sequentially, and every pixel is then pointed straight at its root. Roots are always linked
/// larger-to-smaller, so a component's root is its first pixel in row-major order.
/// </summary>
public sealed class SegmentCpuEngine : ISegmentEngine
{
    private const int MinStripRows = 16;

    public Task<int[]> LabelAsync(ushort[] pixels, int width, int height, int threshold, int connectivity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var parent = new int[pixels.Length];
        var diagonals = connectivity == 8;
        var stripRows = Math.Max(MinStripRows, (height + 2 * Environment.ProcessorCount - 1) / (2 * Environment.ProcessorCount));
        var strips = (height + stripRows - 1) / stripRows;
        var options = ComputeThreads.Options(cancellationToken);

        Parallel.For(0, strips, options, s =>
        {
            int y0 = s * stripRows, y1 = Math.Min(height, y0 + stripRows);
            for (var y = y0; y < y1; y++)
            {
                var row = y * width;
                for (var x = 0; x < width; x++)
                {
                    var i = row + x;
                    if (pixels[i] < threshold)
                    {
                        parent[i] = -1;
                        continue;
                    }
                    parent[i] = i;
                    var root = i;
                    if (y > y0)
                    {
                        var up = i - width;
                        if (pixels[up] >= threshold)
                        {
                            // Up is adjacent to left, up-left and up-right, so it alone joins them all.
                            root = Join(parent, i, root, up);
                        }
                        else if (diagonals)
                        {
                            if (x > 0 && pixels[up - 1] >= threshold) root = Join(parent, i, root, up - 1);
                            if (x + 1 < width && pixels[up + 1] >= threshold) root = Join(parent, i, root, up + 1);
                        }
                    }
                    if (x > 0 && pixels[i - 1] >= threshold) Join(parent, i, root, i - 1);
                }
            }
        });

        for (var s = 1; s < strips; s++)
        {
            var row = s * stripRows * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                if (parent[i] < 0) continue;
                var up = i - width;
                if (parent[up] >= 0) Union(parent, i, up);
                else if (diagonals)
                {
                    if (x > 0 && parent[up - 1] >= 0) Union(parent, i, up - 1);
                    if (x + 1 < width && parent[up + 1] >= 0) Union(parent, i, up + 1);
                }
            }
        }

        // Read-only walks: a concurrent write only ever replaces a parent by one of its ancestors.
        Parallel.For(0, strips, options, s =>
        {
            int start = s * stripRows * width, end = Math.Min(height, (s + 1) * stripRows) * width;
            for (var i = start; i < end; i++)
            {
                var r = parent[i];
                if (r < 0) continue;
                while (parent[r] != r) r = parent[r];
                parent[i] = r;
            }
        });

        return Task.FromResult(parent);
    }

    /// <summary>Joins pixel <paramref name="i"/> (whose current root is <paramref name="root"/>) to <paramref name="neighbour"/>'s set.</summary>
    private static int Join(int[] parent, int i, int root, int neighbour)
    {
        var other = Find(parent, neighbour);
        if (root == i)
        {
            parent[i] = other;
            return other;
        }
        if (other == root) return root;
        if (other < root)
        {
            parent[root] = other;
            return other;
        }
        parent[other] = root;
        return root;
    }

    private static void Union(int[] parent, int a, int b)
    {
        a = Find(parent, a);
        b = Find(parent, b);
        if (a < b) parent[b] = a;
        else if (b < a) parent[a] = b;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
