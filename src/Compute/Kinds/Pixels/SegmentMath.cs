using System.Buffers;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// Host-side part of <c>pixels.segment</c> shared by both engines: one row-major pass over the labels
/// that accumulates every component's features in integers, then the output order.
/// </summary>
public static class SegmentMath
{
    private struct Accumulator
    {
        public int Area, MinX, MinY, MaxX, MaxY, MaxIntensity;
        public long SumX, SumY, SumIntensity;
        public double SumMap;
    }

    /// <summary>
    /// Components with area ≥ <paramref name="minObjectSize"/>, sorted by area descending, then by first
    /// pixel. Sums are exact integers (below 2^53), so the means do not depend on summation order.
    /// </summary>
    public static SegmentComponent[] Measure(ushort[] pixels, int[] labels, int width, int minObjectSize, double[]? map = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        var slotOf = ArrayPool<int>.Shared.Rent(labels.Length);
        var acc = new Accumulator[64];
        var count = 0;
        try
        {
            for (var i = 0; i < labels.Length; i++)
            {
                var label = labels[i];
                if (label < 0) continue;
                int x = i % width, y = i / width, slot;
                if (label == i)
                {
                    // Row-major scan: a component's first pixel (its label) is met before any other of its pixels.
                    if (count == acc.Length) Array.Resize(ref acc, acc.Length * 2);
                    slot = slotOf[i] = count++;
                    acc[slot] = new Accumulator { MinX = x, MinY = y, MaxX = x, MaxY = y };
                }
                else
                {
                    slot = slotOf[label];
                }
                ref var a = ref acc[slot];
                int v = pixels[i];
                a.Area++;
                a.SumX += x;
                a.SumY += y;
                a.SumIntensity += v;
                if (v > a.MaxIntensity) a.MaxIntensity = v;
                if (x < a.MinX) a.MinX = x;
                if (x > a.MaxX) a.MaxX = x;
                a.MaxY = y;
                if (map is not null) a.SumMap += map[i];
            }

            var firsts = new int[count];
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i] == i) firsts[slotOf[i]] = i;
            }

            var components = new List<SegmentComponent>(count);
            for (var s = 0; s < count; s++)
            {
                ref var a = ref acc[s];
                if (a.Area < minObjectSize) continue;
                double area = a.Area;
                components.Add(new SegmentComponent(
                    firsts[s], a.Area, a.SumX / area, a.SumY / area, a.MinX, a.MinY, a.MaxX, a.MaxY,
                    a.SumIntensity / area, a.MaxIntensity, a.SumMap / area));
            }
            components.Sort(static (p, q) => p.Area != q.Area ? q.Area.CompareTo(p.Area) : p.First.CompareTo(q.First));
            return [.. components];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slotOf);
        }
    }

    /// <summary>The first <paramref name="maxObjects"/> components as output objects, ids 1-based in order.</summary>
    public static PixelsSegmentOutput ToOutput(SegmentComponent[] components, int maxObjects)
    {
        ArgumentNullException.ThrowIfNull(components);
        var listed = Math.Min(components.Length, maxObjects);
        var objects = new SegmentObject[listed];
        for (var k = 0; k < listed; k++)
        {
            var c = components[k];
            objects[k] = new SegmentObject
            {
                Id = k + 1,
                Area = c.Area,
                Centroid = [c.CentroidX, c.CentroidY],
                BoundingBox = [c.MinX, c.MinY, c.BoxWidth, c.BoxHeight],
                MeanIntensity = c.MeanIntensity,
                MaxIntensity = c.MaxIntensity,
            };
        }
        return new PixelsSegmentOutput { Objects = objects, ObjectCount = components.Length, Truncated = components.Length > listed };
    }
}
