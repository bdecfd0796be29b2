using Prism.Compute.Kinds.Pixels;
using Prism.Contracts.Kinds.Pixels;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Pixels;

[Collection(IlgpuCollection.Name)]
public sealed class When_computing_local_entropy(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<PixelsEntropyOutput> RunAsync(IEntropyEngine engine, PixelsEntropyInput input) =>
        (PixelsEntropyOutput)await new PixelsEntropyHandler(engine).ExecuteAsync(input, Ct);

    private IEnumerable<IEntropyEngine> Engines() => [new EntropyCpuEngine(), new EntropyIlgpuEngine(ilgpu.Device)];

    [Fact]
    public async Task It_gives_two_bits_for_four_equally_likely_bins()
    {
        var input = new PixelsEntropyInput { Width = 2, Height = 2, Pixels = [0, 1, 2, 3], Window = 3, Bins = 4 };
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, input);
            Assert.All(output.EntropyMap, h => Assert.Equal(2.0, h, 12));
            Assert.Equal(2.0, output.GlobalEntropy, 12);
            Assert.Equal(2.0, output.MeanEntropy, 12);
        }
    }

    [Fact]
    public async Task It_counts_only_in_frame_pixels_at_the_border()
    {
        // Bins [0, 0, 1]: windows {0,0}, {0,0,1}, {0,1}.
        var input = new PixelsEntropyInput { Width = 3, Height = 1, Pixels = [0, 0, 65535], Window = 3, Bins = 2 };
        var third = -(2.0 / 3 * Math.Log2(2.0 / 3) + 1.0 / 3 * Math.Log2(1.0 / 3)); // 0.918295…
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, input);
            Assert.Equal(0.0, output.EntropyMap[0], 6);
            Assert.Equal(third, output.EntropyMap[1], 6);
            Assert.Equal(1.0, output.EntropyMap[2], 6);
            Assert.Equal(third, output.GlobalEntropy, 12);
            Assert.Equal((third + 1.0) / 3, output.MeanEntropy, 6);
        }
    }

    [Fact]
    public void It_bins_in_integers_as_the_design_says()
    {
        // min 0, max 30, 3 bins: (v·3)/30 → 0, 1, 2, and max clamps to bins-1.
        var frame = EntropyMath.Bin([0, 10, 20, 30], 4, 1, 3);
        Assert.Equal(new byte[] { 0, 1, 2, 2 }, frame.BinOf);
        // (9·3)/30 = 0 by integer division, where rounding would give 1.
        Assert.Equal(new byte[] { 0, 0, 2 }, EntropyMath.Bin([0, 9, 30], 3, 1, 3).BinOf);
    }

    [Fact]
    public async Task It_gives_zero_everywhere_for_a_flat_frame()
    {
        var input = new PixelsEntropyInput { Width = 9, Height = 7, Pixels = Enumerable.Repeat((ushort)1234, 63).ToArray() };
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, input);
            Assert.All(output.EntropyMap, h => Assert.Equal(0f, h));
            Assert.Equal(0.0, output.GlobalEntropy);
            Assert.Empty(output.HotRegions);
        }
    }

    [Theory]
    [InlineData(17, 13, 3, 2, 1)]
    [InlineData(40, 31, 7, 32, 2)]
    [InlineData(64, 48, 11, 256, 3)]
    [InlineData(5, 50, 63, 16, 4)]
    public async Task Both_engines_match_the_reference(int width, int height, int window, int bins, int seed)
    {
        var pixels = TestData.Frame(width, height, seed, maxValue: 5000);
        var reference = EntropyReference.LocalEntropy(pixels, width, height, window, bins);
        var frame = EntropyMath.Bin(pixels, width, height, bins);

        var cpu = await new EntropyCpuEngine().LocalEntropyAsync(frame, window, Ct);
        var gpu = await new EntropyIlgpuEngine(ilgpu.Device).LocalEntropyAsync(frame, window, Ct);

        for (var i = 0; i < reference.Length; i++) Assert.Equal(reference[i], cpu[i], 1e-9);
        Assert.Equal(cpu, gpu); // identical bits: both sum the same fixed-point terms
    }

    [Fact]
    public async Task It_reports_a_textured_patch_in_a_flat_frame_as_the_hot_region()
    {
        const int width = 40, height = 30;
        var pixels = new ushort[width * height];
        var random = new Random(7);
        for (var y = 10; y < 18; y++)
            for (var x = 20; x < 30; x++)
                pixels[y * width + x] = (ushort)random.Next(1, 60000);

        var output = await RunAsync(new EntropyCpuEngine(), new PixelsEntropyInput { Width = width, Height = height, Pixels = pixels, Window = 5, Bins = 16 });

        var hottest = Assert.Single(output.HotRegions);
        Assert.InRange(hottest.Centroid[0], 20, 30);
        Assert.InRange(hottest.Centroid[1], 10, 18);
        Assert.True(hottest.MeanEntropy > output.MeanEntropy);
    }
}
