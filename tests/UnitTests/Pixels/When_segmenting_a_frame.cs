using Prism.Compute.Kinds.Pixels;
using Prism.Contracts.Kinds.Pixels;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Pixels;

[Collection(IlgpuCollection.Name)]
public sealed class When_segmenting_a_frame(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private IEnumerable<ISegmentEngine> Engines() => [new SegmentCpuEngine(), new SegmentIlgpuEngine(ilgpu.Device)];

    private static async Task<PixelsSegmentOutput> RunAsync(ISegmentEngine engine, PixelsSegmentInput input) =>
        (PixelsSegmentOutput)await new PixelsSegmentHandler(engine).ExecuteAsync(input, Ct);

    /// <summary>A background of 10 with the listed (x, y, value) pixels set.</summary>
    private static ushort[] Frame(int width, int height, params (int X, int Y, ushort V)[] set)
    {
        var pixels = Enumerable.Repeat((ushort)10, width * height).ToArray();
        foreach (var (x, y, v) in set) pixels[y * width + x] = v;
        return pixels;
    }

    private static (int, int, ushort)[] Rect(int x0, int y0, int w, int h, ushort v) =>
        [.. from y in Enumerable.Range(y0, h) from x in Enumerable.Range(x0, w) select (x, y, v)];

    [Fact]
    public async Task It_measures_a_single_bright_square()
    {
        // 3×3 square at (4..6, 2..4) with values 1000..1008: mean 1004, max 1008.
        var set = Rect(4, 2, 3, 3, 0).Select((p, k) => (p.Item1, p.Item2, (ushort)(1000 + k))).ToArray();
        var input = new PixelsSegmentInput { Width = 10, Height = 8, Pixels = Frame(10, 8, set), Threshold = 500 };
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, input);
            var o = Assert.Single(output.Objects);
            Assert.Equal(1, output.ObjectCount);
            Assert.False(output.Truncated);
            Assert.Equal(1, o.Id);
            Assert.Equal(9, o.Area);
            Assert.Equal(new[] { 5.0, 3.0 }, o.Centroid);
            Assert.Equal(new[] { 4, 2, 3, 3 }, o.BoundingBox);
            Assert.Equal(1004.0, o.MeanIntensity);
            Assert.Equal(1008, o.MaxIntensity);
        }
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(4, 2)]
    public async Task It_joins_diagonal_neighbours_only_with_8_connectivity(int connectivity, int expectedObjects)
    {
        // Two 2×2 squares touching at one corner: (1..2, 1..2) and (3..4, 3..4).
        var pixels = Frame(6, 6, [.. Rect(1, 1, 2, 2, 900), .. Rect(3, 3, 2, 2, 700)]);
        var input = new PixelsSegmentInput { Width = 6, Height = 6, Pixels = pixels, Threshold = 500, Connectivity = connectivity };
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, input);
            Assert.Equal(expectedObjects, output.ObjectCount);
            if (expectedObjects == 1)
            {
                var o = output.Objects[0];
                Assert.Equal(8, o.Area);
                Assert.Equal(new[] { 2.5, 2.5 }, o.Centroid);
                Assert.Equal(new[] { 1, 1, 4, 4 }, o.BoundingBox);
                Assert.Equal(800.0, o.MeanIntensity);
                Assert.Equal(900, o.MaxIntensity);
            }
            else
            {
                // Equal areas: the square whose first pixel comes first in row-major order is id 1.
                Assert.Equal(new[] { 1, 1, 2, 2 }, output.Objects[0].BoundingBox);
                Assert.Equal(900, output.Objects[0].MaxIntensity);
                Assert.Equal(new[] { 3, 3, 2, 2 }, output.Objects[1].BoundingBox);
                Assert.Equal(new[] { 1, 2 }, output.Objects.Select(o => o.Id));
            }
        }
    }

    [Fact]
    public async Task It_drops_objects_below_the_minimum_size()
    {
        // Areas 1, 3 and 5, far apart.
        var pixels = Frame(12, 5, [(0, 0, 800), .. Rect(4, 0, 3, 1, 800), .. Rect(0, 3, 5, 1, 800)]);
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, new PixelsSegmentInput { Width = 12, Height = 5, Pixels = pixels, Threshold = 100, MinObjectSize = 3 });
            Assert.Equal(2, output.ObjectCount);
            Assert.Equal(new[] { 5, 3 }, output.Objects.Select(o => o.Area));

            var all = await RunAsync(engine, new PixelsSegmentInput { Width = 12, Height = 5, Pixels = pixels, Threshold = 100 });
            Assert.Equal(new[] { 5, 3, 1 }, all.Objects.Select(o => o.Area));
        }
    }

    [Fact]
    public async Task It_orders_by_area_then_by_first_pixel_in_row_major_order()
    {
        // A: area 2 at (5..6, 0), first pixel index 5. B: area 2 at (0, 2..3), first pixel 2·8 = 16,
        // although B's x is smaller. C: area 4, listed first.
        var pixels = Frame(8, 6, [.. Rect(5, 0, 2, 1, 600), .. Rect(0, 2, 1, 2, 600), .. Rect(3, 4, 4, 1, 600)]);
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, new PixelsSegmentInput { Width = 8, Height = 6, Pixels = pixels, Threshold = 600 });
            Assert.Equal(new[] { 4, 2, 2 }, output.Objects.Select(o => o.Area));
            Assert.Equal(new[] { 3, 4, 4, 1 }, output.Objects[0].BoundingBox);
            Assert.Equal(new[] { 5, 0, 2, 1 }, output.Objects[1].BoundingBox);
            Assert.Equal(new[] { 0, 2, 1, 2 }, output.Objects[2].BoundingBox);
            Assert.Equal(new[] { 1, 2, 3 }, output.Objects.Select(o => o.Id));
        }
    }

    [Fact]
    public async Task It_counts_a_pixel_equal_to_the_threshold_as_foreground()
    {
        var pixels = Frame(3, 1, (1, 0, 500));
        foreach (var engine in Engines())
        {
            Assert.Equal(1, (await RunAsync(engine, new PixelsSegmentInput { Width = 3, Height = 1, Pixels = pixels, Threshold = 500 })).ObjectCount);
            Assert.Equal(0, (await RunAsync(engine, new PixelsSegmentInput { Width = 3, Height = 1, Pixels = pixels, Threshold = 501 })).ObjectCount);
        }
    }

    [Fact]
    public async Task It_labels_a_serpentine_with_its_first_pixel()
    {
        // Even rows lit end to end, joined by one pixel at alternating ends of the odd rows: one
        // 4-connected path whose arms each start as their own set and are only merged at far ends.
        const int side = 15;
        var pixels = new ushort[side * side];
        for (var y = 0; y < side; y += 2)
            for (var x = 0; x < side; x++)
                pixels[y * side + x] = 1000;
        for (var y = 1; y < side; y += 2) pixels[y * side + (y % 4 == 1 ? side - 1 : 0)] = 1000;
        var area = 8 * side + 7;
        Assert.Single(SegmentReference.Label(pixels, side, side, 1000, 4).Where(l => l >= 0).Distinct());

        foreach (var engine in Engines())
        {
            foreach (var connectivity in new[] { 4, 8 })
            {
                var labels = await engine.LabelAsync(pixels, side, side, 1000, connectivity, Ct);
                Assert.Equal(area, labels.Count(l => l == 0));
                Assert.Equal(side * side - area, labels.Count(l => l == -1));
            }
        }
    }

    [Fact]
    public async Task It_lists_at_most_maxObjects_and_still_counts_them_all()
    {
        var pixels = Frame(10, 1, [(0, 0, 900), (2, 0, 900), (4, 0, 900), (6, 0, 900), (8, 0, 900)]);
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, new PixelsSegmentInput { Width = 10, Height = 1, Pixels = pixels, Threshold = 100, MaxObjects = 2 });
            Assert.Equal(5, output.ObjectCount);
            Assert.True(output.Truncated);
            Assert.Equal(new[] { 0, 2 }, output.Objects.Select(o => o.BoundingBox[0]));
        }
    }

    [Fact]
    public async Task It_finds_one_object_when_every_pixel_is_foreground_and_none_when_none_is()
    {
        var pixels = TestData.Frame(7, 5, seed: 9, maxValue: 300);
        foreach (var engine in Engines())
        {
            var all = await RunAsync(engine, new PixelsSegmentInput { Width = 7, Height = 5, Pixels = pixels, Threshold = 0 });
            var o = Assert.Single(all.Objects);
            Assert.Equal(new[] { 0, 0, 7, 5 }, o.BoundingBox);
            Assert.Equal(new[] { 3.0, 2.0 }, o.Centroid);
            Assert.Equal(pixels.Average(v => (double)v), o.MeanIntensity, 12);

            var none = await RunAsync(engine, new PixelsSegmentInput { Width = 7, Height = 5, Pixels = pixels, Threshold = 301 });
            Assert.Empty(none.Objects);
            Assert.Equal(0, none.ObjectCount);
        }
    }

    [Theory]
    [InlineData(23, 17, 8, 1)]
    [InlineData(23, 17, 4, 2)]
    [InlineData(120, 70, 8, 3)]
    [InlineData(120, 70, 4, 4)]
    [InlineData(3, 140, 8, 5)]
    [InlineData(140, 2, 4, 6)]
    public async Task Both_engines_match_an_independent_flood_fill(int width, int height, int connectivity, int seed)
    {
        // Random 0..999 at thresholds that give both speckle and large merged blobs.
        var pixels = TestData.Frame(width, height, seed, maxValue: 999);
        foreach (var threshold in new[] { 400, 550, 700 })
        {
            var referenceLabels = SegmentReference.Label(pixels, width, height, threshold, connectivity);
            var reference = SegmentReference.Segment(pixels, width, height, threshold, connectivity, minObjectSize: 2);
            foreach (var engine in Engines())
            {
                var labels = await engine.LabelAsync(pixels, width, height, threshold, connectivity, Ct);
                Assert.Equal(referenceLabels, labels);

                var output = await RunAsync(engine, new PixelsSegmentInput
                {
                    Width = width, Height = height, Pixels = pixels, Threshold = threshold, Connectivity = connectivity,
                    MinObjectSize = 2, MaxObjects = PixelsSegmentKind.MaxObjectsLimit,
                });
                Assert.Equal(reference.Length, output.ObjectCount);
                for (var k = 0; k < reference.Length; k++) AssertSame(reference[k], output.Objects[k]);
            }
        }
    }

    [Fact]
    public async Task The_cpu_engine_matches_the_flood_fill_on_a_frame_split_into_many_strips()
    {
        const int width = 300, height = 400;
        var pixels = TestData.Frame(width, height, seed: 11, maxValue: 999);
        foreach (var connectivity in new[] { 4, 8 })
        {
            var labels = await new SegmentCpuEngine().LabelAsync(pixels, width, height, 520, connectivity, Ct);
            Assert.Equal(SegmentReference.Label(pixels, width, height, 520, connectivity), labels);
        }
    }

    [Fact]
    public async Task It_segments_the_sample_input_as_its_doc_says()
    {
        var parsed = new PixelsSegmentKind().Parse(System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repository.Sample("pixels.segment"))).RootElement);
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, (PixelsSegmentInput)parsed.Input!);
            Assert.Equal(3, output.ObjectCount);
            Assert.Equal(new[] { 30, 11, 2 }, output.Objects.Select(o => o.Area));
            Assert.Equal(new[] { 14, 10, 5, 5 }, output.Objects[1].BoundingBox);
        }
    }

    private static void AssertSame(SegmentObject expected, SegmentObject actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Area, actual.Area);
        Assert.Equal(expected.Centroid, actual.Centroid);
        Assert.Equal(expected.BoundingBox, actual.BoundingBox);
        Assert.Equal(expected.MeanIntensity, actual.MeanIntensity);
        Assert.Equal(expected.MaxIntensity, actual.MaxIntensity);
    }
}
