using System.Text.Json;
using Prism.Compute.Kinds.Causal;
using Prism.Contracts.Kinds.Causal;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Causal;

[Collection(IlgpuCollection.Name)]
public sealed class When_computing_transfer_entropy(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private IEnumerable<ITransferEntropyEngine> Engines() => [new TransferEntropyCpuEngine(), new TransferEntropyIlgpuEngine(ilgpu.Device)];

    private static async Task<CausalTransferEntropyOutput> RunAsync(ITransferEntropyEngine engine, CausalTransferEntropyInput input) =>
        (CausalTransferEntropyOutput)await new CausalTransferEntropyHandler(engine).ExecuteAsync(input, Ct);

    [Fact]
    public async Task It_matches_a_hand_computed_case()
    {
        // y(t+1) = x(t). Samples (a = y[t+1], b = y[t], c = x[t]): (0,0,0), (1,0,1), (0,1,0), (1,0,1).
        // p(a|b,c) = 1 for every sample; p(a|b): b = 0 → a = 0 w.p. 1/3, a = 1 w.p. 2/3; b = 1 → a = 0.
        // TE(X→Y) = ¼·log2 3 + ½·log2(3/2) + ¼·log2 1 = ¾·log2 3 − ½.
        // Y→X: samples (1,0,0), (0,1,0), (1,0,1), (0,1,0): x's future is fixed by its present, so 0.
        var input = new CausalTransferEntropyInput { Series = [[0, 1, 0, 1, 0], [0, 0, 1, 0, 1]], Lag = 1, Bins = 2 };
        foreach (var engine in Engines())
        {
            var output = await RunAsync(engine, input);
            Assert.Equal(0.75 * Math.Log2(3) - 0.5, output.Matrix[0][1], 1e-12);
            Assert.Equal(0.0, output.Matrix[1][0]);
            Assert.Equal(0.0, output.Matrix[0][0]);
            Assert.Equal(0.0, output.Matrix[1][1]);
            Assert.Equal("bits", output.Units);
        }
    }

    [Fact]
    public async Task It_finds_the_driver_of_a_copied_series()
    {
        // x uniform on 8 levels; y(t+1) = x(t); z independent. TE(X→Y) = H(y(t+1) | y(t)) ≈ 3 bits.
        const int length = 3000;
        var random = new Random(5);
        var x = Enumerable.Range(0, length).Select(_ => (double)random.Next(8)).ToArray();
        var y = new double[length];
        y[0] = 3;
        for (var t = 1; t < length; t++) y[t] = x[t - 1];
        var z = Enumerable.Range(0, length).Select(_ => (double)random.Next(8)).ToArray();
        var input = new CausalTransferEntropyInput { Series = [x, y, z], Lag = 1, Bins = 8 };

        foreach (var engine in Engines())
        {
            var m = (await RunAsync(engine, input)).Matrix;
            Assert.InRange(m[0][1], 2.9, 3.0);
            // Plug-in bias for 8 bins and ~3000 samples is ≈ 7·8·7/(2·N·ln 2) ≈ 0.09 bits.
            Assert.InRange(m[1][0], 0, 0.2);
            Assert.InRange(m[2][1], 0, 0.2);
            Assert.InRange(m[0][2], 0, 0.2);
            Assert.True(m[0][1] > 10 * m[1][0]);
        }
    }

    [Fact]
    public async Task It_respects_the_lag()
    {
        const int length = 2000;
        var random = new Random(9);
        var x = Enumerable.Range(0, length).Select(_ => (double)random.Next(4)).ToArray();
        var y = new double[length];
        for (var t = 2; t < length; t++) y[t] = x[t - 2];
        foreach (var engine in Engines())
        {
            var lag2 = (await RunAsync(engine, new CausalTransferEntropyInput { Series = [x, y], Lag = 2, Bins = 4 })).Matrix;
            var lag1 = (await RunAsync(engine, new CausalTransferEntropyInput { Series = [x, y], Lag = 1, Bins = 4 })).Matrix;
            Assert.InRange(lag2[0][1], 1.95, 2.0); // log2 4 minus a little bias
            Assert.InRange(lag1[0][1], 0, 0.05);
        }
    }

    [Fact]
    public async Task It_gives_nearly_zero_for_independent_series()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var m = (await RunAsync(new TransferEntropyCpuEngine(), new CausalTransferEntropyInput { Series = [a, b], Bins = 4 })).Matrix;
        Assert.InRange(m[0][1], 0, 0.02);
        Assert.InRange(m[1][0], 0, 0.02);
    }

    [Fact]
    public async Task It_gives_zero_to_and_from_a_constant_series()
    {
        var random = new Random(4);
        var noise = Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray();
        var input = new CausalTransferEntropyInput { Series = [noise, Enumerable.Repeat(7.5, 200).ToArray()], Bins = 5 };
        foreach (var engine in Engines())
        {
            var m = (await RunAsync(engine, input)).Matrix;
            Assert.Equal(0.0, m[0][1]);
            Assert.Equal(0.0, m[1][0]);
        }
    }

    [Fact]
    public void It_bins_in_double_as_the_design_says()
    {
        // (v − 0)/1·4 floored: 0, 2, 4 → clamped to 3, 1, 3; 0.2499… stays in bin 0.
        Assert.Equal(new byte[] { 0, 2, 3, 1, 3, 0 }, TransferEntropyMath.Bin([0, 0.5, 1, 0.25, 0.75, 0.2499999], 4));
        Assert.Equal(new byte[] { 0, 0, 0 }, TransferEntropyMath.Bin([2, 2, 2], 8));
        Assert.Equal(new byte[] { 0, 1, 2 }, TransferEntropyMath.Bin([-3, 0, 3], 3)); // (0 + 3)/6·3 = 1.5 → bin 1
    }

    [Theory]
    [InlineData(1, 4, 60, 1, 2)]
    [InlineData(2, 5, 300, 3, 5)]
    [InlineData(3, 3, 500, 1, 8)]
    [InlineData(4, 4, 250, 7, 32)]
    public async Task Both_engines_match_the_dictionary_reference(int seed, int seriesCount, int length, int lag, int bins)
    {
        var random = new Random(seed);
        var series = new double[seriesCount][];
        for (var k = 0; k < seriesCount; k++)
        {
            series[k] = new double[length];
            for (var t = 0; t < length; t++)
            {
                series[k][t] = random.NextDouble() * 10 - 5;
                if (k > 0 && t > 0) series[k][t] += 0.8 * series[k - 1][t - 1]; // some coupling
            }
        }
        var reference = TransferEntropyReference.Matrix(series, lag, bins);
        var batch = TransferEntropyMath.Prepare(series, lag, bins);
        var cpu = await new TransferEntropyCpuEngine().MatrixAsync(batch, Ct);
        var gpu = await new TransferEntropyIlgpuEngine(ilgpu.Device).MatrixAsync(batch, Ct);

        for (var x = 0; x < seriesCount; x++)
        {
            for (var y = 0; y < seriesCount; y++)
            {
                Assert.Equal(Math.Max(0, reference[x, y]), cpu[x * seriesCount + y], 1e-9);
            }
        }
        Assert.Equal(cpu, gpu); // identical bits: both sum the same fixed-point integers
        Assert.Contains(cpu, v => v > 0.05); // the coupling shows, so the comparison is not all zeros
    }

    [Fact]
    public async Task It_runs_the_sample_and_finds_its_chain()
    {
        var parsed = new CausalTransferEntropyKind().Parse(JsonDocument.Parse(File.ReadAllText(Repository.Sample("causal.transfer-entropy"))).RootElement);
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        var m = (await RunAsync(new TransferEntropyCpuEngine(), (CausalTransferEntropyInput)parsed.Input!)).Matrix;
        // The sample is a chain driver → follower → echo, plus an independent series.
        Assert.True(m[0][1] > 2 * m[1][0]);
        Assert.True(m[1][2] > 2 * m[2][1]);
        Assert.True(m[0][1] > 2 * m[3][1]);
    }
}
