using Prism.Contracts.Kinds.Pixels;

namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// Hot regions of an entropy map: 8-connected regions of pixels whose local entropy is at least
/// mean + one (population) standard deviation of the map; the 8 with the largest total entropy,
/// ties broken by the region's first pixel in row-major order. A flat map has none.
/// </summary>
public static class HotRegions
{
    public const int MaxRegions = 8;

    public static HotRegion[] Find(double[] map, int width, int height, double mean)
    {
        ArgumentNullException.ThrowIfNull(map);
        double variance = 0;
        foreach (var v in map) variance += (v - mean) * (v - mean);
        var std = Math.Sqrt(variance / map.Length);
        if (std < 1e-9) return [];

        var threshold = mean + std;
        var visited = new bool[map.Length];
        var stack = new Stack<int>();
        var found = new List<(HotRegion Region, double Total, int First)>();
        for (var start = 0; start < map.Length; start++)
        {
            if (visited[start] || map[start] < threshold) continue;
            int area = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
            double sumX = 0, sumY = 0, total = 0, peak = double.MinValue;
            visited[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % width, y = i / width;
                area++;
                sumX += x;
                sumY += y;
                total += map[i];
                peak = Math.Max(peak, map[i]);
                minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if ((uint)nx >= (uint)width || (uint)ny >= (uint)height) continue;
                        var j = ny * width + nx;
                        if (visited[j] || map[j] < threshold) continue;
                        visited[j] = true;
                        stack.Push(j);
                    }
                }
            }
            found.Add((new HotRegion
            {
                BoundingBox = [minX, minY, maxX - minX + 1, maxY - minY + 1],
                Centroid = [sumX / area, sumY / area],
                Area = area,
                MeanEntropy = total / area,
                MaxEntropy = peak,
            }, total, start));
        }

        return [.. found.OrderByDescending(f => f.Total).ThenBy(f => f.First).Take(MaxRegions).Select(f => f.Region)];
    }
}
