namespace Prism.Compute.Kinds.Robotics;

/// <summary>
/// A uniform grid over the obstacles (each registered in every cell its padded bounding box
/// touches) and a cell walk along a segment (Amanatides &amp; Woo), so a segment is tested only
/// against obstacles near it and a blocked one usually stops at the first cells. Exact: any obstacle
/// that can block a segment is registered in a cell the walk visits.
/// </summary>
public sealed class ObstacleGrid
{
    private const int MaxCellsPerSide = 2048;
    private readonly PlanScene _scene;
    private readonly double _originX, _originY, _cell;
    private readonly int _cols, _rows;
    private readonly int[] _cellStart;
    private readonly int[] _items;

    public ObstacleGrid(PlanScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        _scene = scene;
        var m = scene.ObstacleCount;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue, maxReach = 0;
        for (var i = 0; i < m; i++)
        {
            minX = Math.Min(minX, scene.ObstacleX[i] - scene.ObstacleReach[i]);
            maxX = Math.Max(maxX, scene.ObstacleX[i] + scene.ObstacleReach[i]);
            minY = Math.Min(minY, scene.ObstacleY[i] - scene.ObstacleReach[i]);
            maxY = Math.Max(maxY, scene.ObstacleY[i] + scene.ObstacleReach[i]);
            maxReach = Math.Max(maxReach, scene.ObstacleReach[i]);
        }
        if (m == 0)
        {
            _cellStart = [0];
            _items = [];
            return;
        }

        var pad = 1e-9 * Math.Max(Math.Max(Math.Abs(minX), Math.Abs(maxX)), Math.Max(Math.Abs(minY), Math.Abs(maxY))) + 1e-12;
        minX -= pad; minY -= pad; maxX += pad; maxY += pad;
        double width = maxX - minX, height = maxY - minY;
        var cell = Math.Max(Math.Sqrt(width * height / m), maxReach / 2);
        cell = Math.Max(cell, Math.Max(width, height) / MaxCellsPerSide);
        _originX = minX;
        _originY = minY;
        _cell = cell;
        _cols = Math.Max(1, (int)Math.Ceiling(width / cell));
        _rows = Math.Max(1, (int)Math.Ceiling(height / cell));

        var counts = new int[_cols * _rows + 1];
        ForEachCell(i => counts[i + 1]++, pad);
        for (var c = 0; c < _cols * _rows; c++) counts[c + 1] += counts[c];
        _cellStart = counts;
        _items = new int[counts[^1]];
        var fill = counts[..^1].ToArray();
        for (var obstacle = 0; obstacle < m; obstacle++)
        {
            var (x0, x1, y0, y1) = CellRange(obstacle, pad);
            for (var cy = y0; cy <= y1; cy++)
                for (var cx = x0; cx <= x1; cx++)
                    _items[fill[cy * _cols + cx]++] = obstacle;
        }

        void ForEachCell(Action<int> action, double padding)
        {
            for (var o = 0; o < m; o++)
            {
                var (x0, x1, y0, y1) = CellRange(o, padding);
                for (var cy = y0; cy <= y1; cy++)
                    for (var cx = x0; cx <= x1; cx++)
                        action(cy * _cols + cx);
            }
        }
    }

    private (int X0, int X1, int Y0, int Y1) CellRange(int obstacle, double pad)
    {
        double x = _scene.ObstacleX[obstacle], y = _scene.ObstacleY[obstacle], r = _scene.ObstacleReach[obstacle] + pad;
        return (CellX(x - r), CellX(x + r), CellY(y - r), CellY(y + r));
    }

    private int CellX(double x) => Math.Clamp((int)Math.Floor((x - _originX) / _cell), 0, _cols - 1);
    private int CellY(double y) => Math.Clamp((int)Math.Floor((y - _originY) / _cell), 0, _rows - 1);

    /// <summary>True when the segment between nodes a and b clears every obstacle.</summary>
    public bool Clear(int a, int b) => Clear(_scene.NodeX[a], _scene.NodeY[a], _scene.NodeX[b], _scene.NodeY[b]);

    public bool Clear(double ax, double ay, double bx, double by)
    {
        if (_items.Length == 0) return true;
        double dx = bx - ax, dy = by - ay, t0 = 0, t1 = 1;
        double gridMaxX = _originX + _cols * _cell, gridMaxY = _originY + _rows * _cell;
        if (!ClipSlab(ax, dx, _originX, gridMaxX, ref t0, ref t1) || !ClipSlab(ay, dy, _originY, gridMaxY, ref t0, ref t1)) return true;

        int ix = CellX(ax + t0 * dx), iy = CellY(ay + t0 * dy);
        int stepX = Math.Sign(dx), stepY = Math.Sign(dy);
        var tMaxX = dx > 0 ? (_originX + (ix + 1) * _cell - ax) / dx : dx < 0 ? (_originX + ix * _cell - ax) / dx : double.PositiveInfinity;
        var tMaxY = dy > 0 ? (_originY + (iy + 1) * _cell - ay) / dy : dy < 0 ? (_originY + iy * _cell - ay) / dy : double.PositiveInfinity;
        var tDeltaX = dx != 0 ? _cell / Math.Abs(dx) : double.PositiveInfinity;
        var tDeltaY = dy != 0 ? _cell / Math.Abs(dy) : double.PositiveInfinity;

        while (true)
        {
            var cellIndex = iy * _cols + ix;
            for (var k = _cellStart[cellIndex]; k < _cellStart[cellIndex + 1]; k++)
            {
                var o = _items[k];
                if (!PlanGeometry.Clears(ax, ay, bx, by, _scene.ObstacleX[o], _scene.ObstacleY[o], _scene.ObstacleReach[o])) return false;
            }
            if (tMaxX < tMaxY)
            {
                if (tMaxX > t1) return true;
                ix += stepX;
                tMaxX += tDeltaX;
                if (ix < 0 || ix >= _cols) return true;
            }
            else
            {
                if (tMaxY > t1) return true;
                iy += stepY;
                tMaxY += tDeltaY;
                if (iy < 0 || iy >= _rows) return true;
            }
        }
    }

    private static bool ClipSlab(double origin, double direction, double low, double high, ref double t0, ref double t1)
    {
        if (direction == 0) return origin >= low && origin <= high;
        double ta = (low - origin) / direction, tb = (high - origin) / direction;
        t0 = Math.Max(t0, Math.Min(ta, tb));
        t1 = Math.Min(t1, Math.Max(ta, tb));
        return t0 <= t1;
    }
}
