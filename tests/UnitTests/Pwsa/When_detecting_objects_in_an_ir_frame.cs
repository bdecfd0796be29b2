using System.Text.Json;
using Prism.Compute.Kinds.Pixels;
using Prism.Compute.Kinds.Pwsa;
using Prism.Contracts.Kinds.Pwsa;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Pwsa;

[Collection(IlgpuCollection.Name)]
public sealed class When_detecting_objects_in_an_ir_frame(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private IEnumerable<PwsaDetectHandler> Handlers() =>
    [
        new(new SegmentCpuEngine(), new EntropyCpuEngine()),
        new(new SegmentIlgpuEngine(ilgpu.Device), new EntropyIlgpuEngine(ilgpu.Device)),
    ];

    private static async Task<PwsaDetectOutput> RunAsync(PwsaDetectHandler handler, PwsaDetectInput input) =>
        (PwsaDetectOutput)await handler.ExecuteAsync(input, Ct);

    private static PwsaDetectInput Input(int width, int height, ushort[] pixels, int threshold) => new()
    {
        SvId = "SV-7",
        Timestamp = "2025-03-01T12:00:00Z",
        IrFrame = new PwsaIrFrame { Width = width, Height = height, Pixels = pixels },
        Threshold = threshold,
    };

    private static ushort[] Flat(int width, int height, ushort value = 100) => Enumerable.Repeat(value, width * height).ToArray();

    private static void Fill(ushort[] pixels, int width, int x0, int y0, int w, int h, ushort value)
    {
        for (var y = y0; y < y0 + h; y++)
            for (var x = x0; x < x0 + w; x++)
                pixels[y * width + x] = value;
    }

    private static double H(params double[] counts)
    {
        var n = counts.Sum();
        return -counts.Sum(c => c / n * Math.Log2(c / n));
    }

    private static double Confidence(double margin) => 0.5 + 0.5 * Math.Tanh(margin);

    [Fact]
    public async Task It_reports_one_hot_square_with_its_known_figures()
    {
        // 12×10 at 100; a 3×3 square at (5..7, 3..5) of 4000 with a 4900 centre: mean 4100, max 4900.
        var pixels = Flat(12, 10);
        Fill(pixels, 12, 5, 3, 3, 3, 4000);
        pixels[4 * 12 + 6] = 4900;
        // Bins over 100..4900: 100 → 0, 4000 → (3900·32)/4800 = 26, 4900 → 31. Every 7×7 window around
        // a square pixel is in frame and holds the whole square: 40 × bin 0, 8 × bin 26, 1 × bin 31.
        var local = H(40, 8, 1);
        foreach (var handler in Handlers())
        {
            var output = await RunAsync(handler, Input(12, 10, pixels, 1000));
            var d = Assert.Single(output.Detections);
            Assert.Equal(1, output.DetectionCount);
            Assert.Equal(1, d.Id);
            Assert.Equal(9, d.Area);
            Assert.Equal(new[] { 6.0, 4.0 }, d.Centroid);
            Assert.Equal(new[] { 5, 3, 3, 3 }, d.BoundingBox);
            Assert.Equal(4100.0, d.MeanIntensity);
            Assert.Equal(4900, d.MaxIntensity);
            Assert.Equal(local, d.LocalEntropy, 9);
            Assert.Equal(4000.0, d.Contrast); // background σ 0 → divided by 1
            Assert.Equal(ThreatTypes.Aircraft, d.ThreatType);
            Assert.Equal(Confidence(1 - local / 2), d.Confidence, 9);

            var m = output.FrameMetrics;
            Assert.Equal(400.0, m.Mean); // (111·100 + 8·4000 + 4900) / 120
            Assert.Equal(H(111, 8, 1), m.Entropy, 12);
            Assert.Equal(100, m.Min);
            Assert.Equal(4900, m.Max);
            Assert.Equal(0.075, m.ForegroundFraction, 15);
            Assert.Equal(100.0, m.BackgroundMean);
            Assert.Equal(0.0, m.BackgroundStdDev);
            Assert.Equal(Math.Sqrt((111 * 300.0 * 300 + 8 * 3600.0 * 3600 + 4500.0 * 4500) / 120), m.StdDev, 9);
            Assert.Equal(32, m.Bins);
            Assert.Equal(7, m.Window);
            Assert.Equal("SV-7", output.SvId);
            Assert.Equal("2025-03-01T12:00:00Z", output.Timestamp);
        }
    }

    [Fact]
    public async Task It_gives_the_entropy_of_a_known_histogram()
    {
        // Values 0..31 over 32 bins: (v·32)/31 → bins 0, 10, 20, 31 with counts 4, 2, 1, 1 → 1.75 bits.
        ushort[] pixels = [0, 0, 0, 0, 10, 10, 20, 31];
        var output = await RunAsync(Handlers().First(), Input(8, 1, pixels, 40));
        Assert.Equal(1.75, output.FrameMetrics.Entropy, 12);
        Assert.Empty(output.Detections);
        Assert.Equal(0.0, output.FrameMetrics.ForegroundFraction);
    }

    [Fact]
    public async Task It_gives_zero_entropy_rate_when_every_row_is_constant()
    {
        // Six different rows, each constant: the frame entropy is log2(6) but a pixel's left
        // neighbour always predicts it.
        const int width = 9, height = 6;
        var pixels = new ushort[width * height];
        for (var y = 0; y < height; y++) Fill(pixels, width, 0, y, width, 1, (ushort)(y * 1000));
        foreach (var handler in Handlers())
        {
            var m = (await RunAsync(handler, Input(width, height, pixels, 60000))).FrameMetrics;
            Assert.Equal(0.0, m.EntropyRate);
            Assert.Equal(Math.Log2(6), m.Entropy, 12);
        }
    }

    [Fact]
    public async Task It_gives_the_conditional_entropy_of_left_neighbour_pairs()
    {
        // Bins 0, 0, 31, 0, 31 → pairs (0,0), (0,31), (31,0), (0,31). After bin 0 (3 pairs) comes 0
        // once and 31 twice; after 31 always 0: H = ¼·log2(3) + ½·log2(3/2) + ¼·0.
        ushort[] pixels = [0, 0, 1000, 0, 1000];
        var output = await RunAsync(Handlers().First(), Input(5, 1, pixels, 2000));
        Assert.Equal(0.25 * Math.Log2(3) + 0.5 * Math.Log2(1.5), output.FrameMetrics.EntropyRate, 12);
        Assert.Equal(0.0, (await RunAsync(Handlers().First(), Input(1, 5, pixels, 2000))).FrameMetrics.EntropyRate);
    }

    [Fact]
    public async Task It_classifies_a_large_intense_plume_as_ballistic()
    {
        var pixels = Flat(20, 20);
        Fill(pixels, 20, 6, 6, 8, 8, 5000);
        foreach (var handler in Handlers())
        {
            var d = Assert.Single((await RunAsync(handler, Input(20, 20, pixels, 1000))).Detections);
            Assert.Equal(64, d.Area);
            Assert.Equal(ThreatTypes.Ballistic, d.ThreatType);
            Assert.Equal(Confidence(64 / 40.0 - 1), d.Confidence, 12); // the area margin binds
        }
    }

    [Fact]
    public async Task It_classifies_a_hot_streak_as_hypersonic()
    {
        var pixels = Flat(20, 10);
        Fill(pixels, 20, 4, 4, 12, 2, 5000);
        foreach (var handler in Handlers())
        {
            var d = Assert.Single((await RunAsync(handler, Input(20, 10, pixels, 1000))).Detections);
            Assert.Equal(new[] { 4, 4, 12, 2 }, d.BoundingBox);
            Assert.Equal(ThreatTypes.Hypersonic, d.ThreatType);
            Assert.Equal(Confidence(12 / 2.0 / 3 - 1), d.Confidence, 12);
        }
    }

    [Fact]
    public async Task It_classifies_a_thermally_irregular_object_as_a_decoy()
    {
        // 5×5 of 25 values 300 apart (each its own bin over 100..8200): high local entropy.
        var pixels = Flat(15, 15);
        for (var k = 0; k < 25; k++) pixels[(5 + k / 5) * 15 + 5 + k % 5] = (ushort)(1000 + 300 * k);
        var reference = EntropyReference.LocalEntropy(pixels, 15, 15, 7, 32);
        var expected = Enumerable.Range(0, 25).Average(k => reference[(5 + k / 5) * 15 + 5 + k % 5]);
        foreach (var handler in Handlers())
        {
            var d = Assert.Single((await RunAsync(handler, Input(15, 15, pixels, 500))).Detections);
            Assert.Equal(expected, d.LocalEntropy, 9);
            Assert.True(d.LocalEntropy > 2, $"local entropy {d.LocalEntropy}");
            Assert.Equal(ThreatTypes.Decoy, d.ThreatType);
            Assert.Equal(Confidence(d.LocalEntropy / 2 - 1), d.Confidence, 12);
        }
    }

    [Fact]
    public async Task It_classifies_a_faint_object_and_a_lone_hot_pixel_as_clutter()
    {
        // A 15×9 checkerboard of 100 (68 cells) and 140 (67). The 2×2 of 200 covers two of each and the
        // lone 5000 pixel one 100, leaving 65 of each: background mean 120, σ 20. The 2×2 has contrast
        // (200 − 120) / 20 = 4 < 5; the lone pixel has area 1 < 3.
        var pixels = new ushort[15 * 9];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (ushort)((i % 15 + i / 15) % 2 == 0 ? 100 : 140);
        Fill(pixels, 15, 2, 2, 2, 2, 200);
        pixels[5 * 15 + 11] = 5000;
        foreach (var handler in Handlers())
        {
            var output = await RunAsync(handler, Input(15, 9, pixels, 150));
            Assert.Equal(2, output.DetectionCount);
            var faint = output.Detections[0];
            var hot = output.Detections[1];
            Assert.Equal(120.0, output.FrameMetrics.BackgroundMean);
            Assert.Equal(20.0, output.FrameMetrics.BackgroundStdDev, 12);
            Assert.Equal(4.0, faint.Contrast, 12);
            Assert.Equal(ThreatTypes.Clutter, faint.ThreatType);
            Assert.Equal(Confidence((5 - 4.0) / 5), faint.Confidence, 12);
            Assert.Equal(1, hot.Area);
            Assert.Equal(ThreatTypes.Clutter, hot.ThreatType);
            Assert.Equal(Confidence(2 / 3.0), hot.Confidence, 12);
        }
    }

    [Theory]
    [InlineData(3, 5.0, 1.0, 0.0, ThreatTypes.Aircraft, 0.5)]         // on both clutter edges: aircraft at margin 0
    [InlineData(2, 100.0, 1.0, 0.0, ThreatTypes.Clutter, 0.66076)]    // area margin 1/3
    [InlineData(10, 4.999, 1.0, 0.0, ThreatTypes.Clutter, 0.5001)]
    [InlineData(40, 20.0, 1.0, 0.0, ThreatTypes.Ballistic, 0.5)]       // exactly on the ballistic thresholds
    [InlineData(39, 1000.0, 1.0, 0.0, ThreatTypes.Aircraft, 0.88080)]  // one pixel short of ballistic
    [InlineData(80, 1000.0, 8.0, 4.0, ThreatTypes.Ballistic, 0.88080)] // ballistic wins over hypersonic and decoy
    [InlineData(20, 10.0, 3.0, 4.0, ThreatTypes.Hypersonic, 0.5)]      // hypersonic wins over decoy
    [InlineData(20, 9.99, 3.0, 1.0, ThreatTypes.Aircraft, 0.73106)]  // entropy margin ½ binds
    [InlineData(20, 50.0, 2.0, 3.0, ThreatTypes.Decoy, 0.73106)]
    public void The_rules_apply_in_order_with_the_documented_margins(int area, double contrast, double elongation, double localEntropy, string type, double confidence)
    {
        var (actualType, actualConfidence) = ThreatClassifier.Classify(area, contrast, elongation, localEntropy);
        Assert.Equal(type, actualType);
        Assert.Equal(confidence, actualConfidence, 4);
    }

    [Theory]
    [InlineData(30, 20, 1)]
    [InlineData(41, 33, 2)]
    [InlineData(7, 40, 3)]
    public async Task Both_engine_pairs_match_the_plain_reference(int width, int height, int seed)
    {
        var random = new Random(seed);
        var pixels = TestData.Frame(width, height, seed, maxValue: 400);
        for (var b = 0; b < 6; b++)
        {
            int x0 = random.Next(width), y0 = random.Next(height), w = random.Next(1, 9), h = random.Next(1, 6);
            var v = (ushort)random.Next(800, 9000);
            for (var y = y0; y < Math.Min(height, y0 + h); y++)
                for (var x = x0; x < Math.Min(width, x0 + w); x++)
                    pixels[y * width + x] = (ushort)(v + random.Next(0, 2000));
        }
        var input = Input(width, height, pixels, 380) with { MinObjectSize = 2 };
        var expected = PwsaDetectReference.Detect(input);
        Assert.NotEmpty(expected.Detections);

        foreach (var handler in Handlers())
        {
            var actual = await RunAsync(handler, input);
            Assert.Equal(expected.DetectionCount, actual.DetectionCount);
            for (var k = 0; k < expected.Detections.Length; k++)
            {
                PwsaDetection e = expected.Detections[k], a = actual.Detections[k];
                Assert.Equal(e.Id, a.Id);
                Assert.Equal(e.Area, a.Area);
                Assert.Equal(e.Centroid, a.Centroid);
                Assert.Equal(e.BoundingBox, a.BoundingBox);
                Assert.Equal(e.MeanIntensity, a.MeanIntensity);
                Assert.Equal(e.MaxIntensity, a.MaxIntensity);
                Assert.Equal(e.LocalEntropy, a.LocalEntropy, 1e-9);
                Assert.Equal(e.Contrast, a.Contrast, 1e-9 * Math.Abs(e.Contrast));
                Assert.Equal(e.ThreatType, a.ThreatType);
                Assert.Equal(e.Confidence, a.Confidence, 1e-9);
            }
            PwsaFrameMetrics em = expected.FrameMetrics, am = actual.FrameMetrics;
            Assert.Equal(em.Entropy, am.Entropy, 1e-12);
            Assert.Equal(em.EntropyRate, am.EntropyRate, 1e-12);
            Assert.Equal(em.MeanLocalEntropy, am.MeanLocalEntropy, 1e-9);
            Assert.Equal(em.Mean, am.Mean, 1e-9);
            Assert.Equal(em.StdDev, am.StdDev, 1e-9);
            Assert.Equal(em.BackgroundMean, am.BackgroundMean, 1e-9);
            Assert.Equal(em.BackgroundStdDev, am.BackgroundStdDev, 1e-9);
            Assert.Equal(em.ForegroundFraction, am.ForegroundFraction);
            Assert.Equal((em.Min, em.Max), (am.Min, am.Max));
        }
    }

    [Fact]
    public async Task It_lists_at_most_maxDetections_and_still_counts_them_all()
    {
        var pixels = Flat(9, 1);
        for (var x = 0; x < 9; x += 2) pixels[x] = 3000;
        var output = await RunAsync(Handlers().First(), Input(9, 1, pixels, 1000) with { MaxDetections = 3 });
        Assert.Equal(5, output.DetectionCount);
        Assert.True(output.Truncated);
        Assert.Equal(new[] { 1, 2, 3 }, output.Detections.Select(d => d.Id));
    }

    [Fact]
    public async Task It_detects_every_class_in_the_sample_input()
    {
        var parsed = new PwsaDetectKind().Parse(JsonDocument.Parse(File.ReadAllText(Repository.Sample("pwsa.detect"))).RootElement);
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        var output = await RunAsync(Handlers().First(), (PwsaDetectInput)parsed.Input!);
        Assert.Equal(
            [ThreatTypes.Ballistic, ThreatTypes.Decoy, ThreatTypes.Hypersonic, ThreatTypes.Aircraft, ThreatTypes.Clutter, ThreatTypes.Clutter],
            output.Detections.Select(d => d.ThreatType));
        Assert.Equal([48, 25, 20, 9, 4, 1], output.Detections.Select(d => d.Area));
        Assert.All(output.Detections, d => Assert.InRange(d.Confidence, 0.5, 1.0));
    }
}
