namespace Prism.Compute.Kinds.Robotics;

/// <summary>
/// The one clearance predicate every engine uses, in plain arithmetic that ILGPU compiles, so the
/// CPU engine and the kernel decide each candidate edge the same way.
/// </summary>
public static class PlanGeometry
{
    /// <summary>Squared distance from (cx, cy) to the segment (ax, ay)–(bx, by).</summary>
    public static double SegmentPointDistanceSquared(double ax, double ay, double bx, double by, double cx, double cy)
    {
        double dx = bx - ax, dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared > 0 ? ((cx - ax) * dx + (cy - ay) * dy) / lengthSquared : 0.0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        double px = ax + t * dx - cx, py = ay + t * dy - cy;
        return px * px + py * py;
    }

    /// <summary>True when the segment keeps a distance of at least <paramref name="reach"/> from (cx, cy).</summary>
    public static bool Clears(double ax, double ay, double bx, double by, double cx, double cy, double reach) =>
        SegmentPointDistanceSquared(ax, ay, bx, by, cx, cy) >= reach * reach;
}
