using Prism.Contracts.Kinds.Pixels;

namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded <c>pixels.segment</c>, written for clarity and independent of the engines:
/// a breadth-first flood fill from each unvisited foreground pixel in row-major order, features summed
/// in doubles, LINQ ordering. Tests compare both engines with it; benchmarks measure them against it.
/// </summary>
public static class SegmentReference
{
    /// <summary>All objects (no listing limit), in output order.</summary>
    public static SegmentObject[] Segment(ushort[] pixels, int width, int height, int threshold, int connectivity, int minObjectSize)
    {
        var labels = Label(pixels, width, height, threshold, connectivity);
        var found = new List<(int First, List<int> Members)>();
        var byLabel = new Dictionary<int, List<int>>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0) continue;
            if (!byLabel.TryGetValue(labels[i], out var members))
            {
                byLabel[labels[i]] = members = [];
                found.Add((labels[i], members));
            }
            members.Add(i);
        }

        return found
            .Where(f => f.Members.Count >= minObjectSize)
            .OrderByDescending(f => f.Members.Count)
            .ThenBy(f => f.First)
            .Select((f, k) =>
            {
                var xs = f.Members.Select(i => i % width).ToList();
                var ys = f.Members.Select(i => i / width).ToList();
                return new SegmentObject
                {
                    Id = k + 1,
                    Area = f.Members.Count,
                    Centroid = [xs.Sum(v => (double)v) / f.Members.Count, ys.Sum(v => (double)v) / f.Members.Count],
                    BoundingBox = [xs.Min(), ys.Min(), xs.Max() - xs.Min() + 1, ys.Max() - ys.Min() + 1],
                    MeanIntensity = f.Members.Sum(i => (double)pixels[i]) / f.Members.Count,
                    MaxIntensity = f.Members.Max(i => pixels[i]),
                };
            })
            .ToArray();
    }

    /// <summary>−1 for background, else the index of the first pixel (row-major) of the pixel's component.</summary>
    public static int[] Label(ushort[] pixels, int width, int height, int threshold, int connectivity)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        (int Dx, int Dy)[] steps = connectivity == 4
            ? [(1, 0), (-1, 0), (0, 1), (0, -1)]
            : [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)];
        var labels = Enumerable.Repeat(-1, pixels.Length).ToArray();
        var queue = new Queue<int>();
        for (var start = 0; start < pixels.Length; start++)
        {
            if (pixels[start] < threshold || labels[start] >= 0) continue;
            labels[start] = start;
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                foreach (var (dx, dy) in steps)
                {
                    int x = i % width + dx, y = i / width + dy;
                    if (x < 0 || y < 0 || x >= width || y >= height) continue;
                    var j = y * width + x;
                    if (pixels[j] < threshold || labels[j] >= 0) continue;
                    labels[j] = start;
                    queue.Enqueue(j);
                }
            }
        }
        return labels;
    }
}
