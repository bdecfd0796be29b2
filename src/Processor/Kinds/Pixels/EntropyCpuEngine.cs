namespace Prism.Processor.Kinds.Pixels;

/// <summary>
/// Managed CPU engine: rows in parallel; along a row the window's histogram slides one column at a
/// time and the fixed-point Σc·log2(c) is updated incrementally, so each pixel costs O(window), not O(window²).
/// </summary>
public sealed class EntropyCpuEngine : IEntropyEngine
{
    public Task<double[]> LocalEntropyAsync(BinnedFrame frame, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int width = frame.Width, height = frame.Height, radius = window / 2;
        var countLog = EntropyMath.CountLogTable(window * window);
        var bins = frame.BinOf;
        var map = new double[width * height];

        Parallel.For(0, height, new ParallelOptions { CancellationToken = cancellationToken }, () => new int[frame.Bins], (y, _, histogram) =>
        {
            Array.Clear(histogram);
            int y0 = Math.Max(0, y - radius), y1 = Math.Min(height - 1, y + radius), rows = y1 - y0 + 1;
            long sum = 0;
            var n = 0;

            void AddColumn(int x, int delta)
            {
                for (var yy = y0; yy <= y1; yy++)
                {
                    ref var c = ref histogram[bins[yy * width + x]];
                    sum -= countLog[c];
                    c += delta;
                    sum += countLog[c];
                }
                n += delta * rows;
            }

            for (var x = 0; x <= Math.Min(width - 1, radius); x++) AddColumn(x, +1);
            var rowOffset = y * width;
            for (var x = 0; x < width; x++)
            {
                if (x > 0)
                {
                    // Remove before adding: a count never exceeds window² (the table's size).
                    if (x - radius - 1 >= 0) AddColumn(x - radius - 1, -1);
                    if (x + radius < width) AddColumn(x + radius, +1);
                }
                map[rowOffset + x] = EntropyMath.EntropyFromSum(sum, n, countLog[n]);
            }
            return histogram;
        }, _ => { });

        return Task.FromResult(map);
    }
}
