namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// Managed CPU engine: rows in parallel; along a row the window's histogram slides one column at a
/// time and the fixed-point Σc·log2(c) is updated incrementally, so each pixel costs O(window), not O(window²).
/// A batch is one parallel pass over the rows of all its frames.
/// </summary>
public sealed class EntropyCpuEngine : IEntropyEngine
{
    public Task<double[]> LocalEntropyAsync(BinnedFrame frame, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var countLog = EntropyMath.CountLogTable(window * window);
        var map = new double[frame.Width * frame.Height];
        Parallel.For(0, frame.Height, ComputeThreads.Options(cancellationToken), () => new int[EntropyKernels.MaxBins], (y, _, histogram) =>
        {
            Row(frame, window, countLog, map, y, histogram);
            return histogram;
        }, _ => { });
        return Task.FromResult(map);
    }

    public Task<double[][]> LocalEntropyBatchAsync(IReadOnlyList<EntropyFrameJob> frames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var maps = new double[frames.Count][];
        var countLogs = new Dictionary<int, long[]>();
        // Row r of the batch is row r - firstRow[f] of frame f: one index space over every frame's rows.
        var firstRow = new int[frames.Count + 1];
        for (var f = 0; f < frames.Count; f++)
        {
            var (frame, window) = frames[f];
            maps[f] = new double[frame.Width * frame.Height];
            if (!countLogs.ContainsKey(window)) countLogs[window] = EntropyMath.CountLogTable(window * window);
            firstRow[f + 1] = firstRow[f] + frame.Height;
        }

        Parallel.For(0, firstRow[^1], ComputeThreads.Options(cancellationToken), () => new int[EntropyKernels.MaxBins], (row, _, histogram) =>
        {
            var f = Array.BinarySearch(firstRow, row);
            if (f < 0) f = ~f - 1;
            // Frames of height 0 share a start row with the next frame: take the last frame that starts here.
            while (f + 1 < frames.Count && firstRow[f + 1] == row) f++;
            var (frame, window) = frames[f];
            Row(frame, window, countLogs[window], maps[f], row - firstRow[f], histogram);
            return histogram;
        }, _ => { });
        return Task.FromResult(maps);
    }

    private static void Row(BinnedFrame frame, int window, long[] countLog, double[] map, int y, int[] histogram)
    {
        int width = frame.Width, height = frame.Height, radius = window / 2;
        var bins = frame.BinOf;
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
    }
}
