using MathNet.Numerics.Distributions;
using Prism.Compute.Kinds.Finance;
using Prism.Contracts.Kinds.Finance;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Finance;

[Collection(IlgpuCollection.Name)]
public sealed class When_simulating_portfolio_risk(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static FinanceRiskInput Portfolio(long paths, int horizon = 4, double confidence = 0.99, long seed = 42) => new()
    {
        Weights = [0.5, 0.3, 0.2],
        ExpectedReturns = [0.001, 0.0005, 0.0002],
        Covariance = [[0.0004, 0.0001, 0.00005], [0.0001, 0.0002, 0.00002], [0.00005, 0.00002, 0.0001]],
        Horizon = horizon,
        Confidence = confidence,
        Paths = paths,
        PortfolioValue = 1_000_000,
        Seed = seed,
    };

    private static async Task<FinanceRiskOutput> RunAsync(IRiskEngine engine, FinanceRiskInput input) =>
        (FinanceRiskOutput)await new FinanceRiskHandler(engine).ExecuteAsync(input, Ct);

    [Fact]
    public async Task It_matches_the_Gaussian_closed_form_within_sampling_error()
    {
        const long paths = 400_000;
        var input = Portfolio(paths);
        double c = input.Confidence, v = input.PortfolioValue, h = input.Horizon;
        var m = input.Weights!.Select((w, i) => w * input.ExpectedReturns![i]).Sum();
        var s2 = Enumerable.Range(0, 3).Sum(i => Enumerable.Range(0, 3).Sum(j => input.Weights![i] * input.Covariance![i][j] * input.Weights[j]));
        // Loss ~ N(−h·m·V, h·s²·V²).
        double mean = -h * m * v, sd = Math.Sqrt(h * s2) * v;
        var z = Normal.InvCDF(0, 1, c);
        var phi = Normal.PDF(0, 1, z);
        var lambda = phi / (1 - c);
        var expectedVar = mean + z * sd;
        var expectedCvar = mean + lambda * sd;

        // Standard errors: the sample quantile's sqrt(c(1−c)/P)/f(q); the tail mean's from the tail
        // variance sd²(1 + zλ − λ²) plus the quantile's own uncertainty; mean and sd as usual.
        var seVar = Math.Sqrt(c * (1 - c) / paths) * sd / phi;
        var tailVariance = sd * sd * (1 + z * lambda - lambda * lambda);
        var seCvar = Math.Sqrt((tailVariance + c * Math.Pow(expectedCvar - expectedVar, 2)) / ((1 - c) * paths));

        var output = await RunAsync(new RiskCpuEngine(), input);
        Assert.Equal(paths, output.Paths);
        Assert.InRange(output.Var, expectedVar - 5 * seVar, expectedVar + 5 * seVar);
        Assert.InRange(output.Cvar, expectedCvar - 5 * seCvar, expectedCvar + 5 * seCvar);
        Assert.InRange(output.MeanLoss, mean - 5 * sd / Math.Sqrt(paths), mean + 5 * sd / Math.Sqrt(paths));
        Assert.InRange(output.StdLoss, sd * (1 - 5 / Math.Sqrt(2.0 * paths)), sd * (1 + 5 / Math.Sqrt(2.0 * paths)));
        Assert.True(output.Cvar > output.Var);
    }

    [Fact]
    public async Task It_reproduces_a_seed_exactly_and_changes_with_the_seed()
    {
        var input = Portfolio(30_000);
        var first = await RunAsync(new RiskCpuEngine(), input);
        var again = await RunAsync(new RiskCpuEngine(), input);
        var other = await RunAsync(new RiskCpuEngine(), input with { Seed = 43 });
        Assert.Equal(first, again);
        Assert.NotEqual(first.Var, other.Var);
        Assert.NotEqual(first.MeanLoss, other.MeanLoss);
    }

    [Fact]
    public async Task The_ILGPU_kernel_draws_the_same_path_losses_as_the_CPU_engine()
    {
        var input = Portfolio(700, horizon: 3) with
        {
            Weights = [0.4, -0.1, 0.3, 0.2, 0.2],
            ExpectedReturns = [0.001, 0.002, -0.001, 0.0005, 0],
            Covariance = RandomCovariance(5, 3),
        };
        var model = RiskModel.From(input);
        var cpu = new double[700];
        var gpu = new double[700];
        await new RiskCpuEngine().SimulateAsync(model, 1000, 700, cpu, Ct);
        await new RiskIlgpuEngine(ilgpu.Device).SimulateAsync(model, 1000, 700, gpu, Ct);
        Assert.Equal(cpu, gpu);
        Assert.Equal(RiskMath.PathLoss(model, 1000 + 17), cpu[17]);

        // Whole jobs too (small, the simulator is slow).
        Assert.Equal(await RunAsync(new RiskCpuEngine(), input), await RunAsync(new RiskIlgpuEngine(ilgpu.Device), input));
    }

    [Fact]
    public async Task The_engine_draws_the_definitions_correlated_returns()
    {
        // The reference forms x = μ + L·z per period and weights it; the engine applies Lᵀw to z.
        var input = Portfolio(2_000, horizon: 5) with
        {
            Weights = [0.25, 0.25, 0.1, 0.3, 0.1, 0.2, -0.2],
            ExpectedReturns = [0.001, 0.002, -0.001, 0.0005, 0, 0.0001, 0.0003],
            Covariance = RandomCovariance(7, 11),
        };
        var reference = RiskReference.Losses(input);
        var engine = new double[reference.Length];
        await new RiskCpuEngine().SimulateAsync(RiskModel.From(input), 0, engine.Length, engine, Ct);
        var scale = reference.Max(Math.Abs);
        for (var k = 0; k < reference.Length; k++) Assert.Equal(reference[k], engine[k], 1e-12 * scale);
    }

    [Theory]
    [InlineData(12_345, 0.99, 1_000)]
    [InlineData(10, 0.9, 3)]
    [InlineData(1, 0.95, 1)]
    [InlineData(50_001, 0.5, 7_777)]
    public async Task The_two_pass_quantile_is_exactly_the_sorted_one(long paths, double confidence, int blockSize)
    {
        var input = Portfolio(paths, confidence: confidence, seed: 7);
        var model = RiskModel.From(input);
        var losses = new double[paths];
        await new RiskCpuEngine().SimulateAsync(model, 0, (int)paths, losses, Ct);
        var sorted = losses.Order().ToArray();
        var k = (long)Math.Ceiling((decimal)confidence * paths);

        var streamed = await RiskStatistics.ComputeAsync(new RiskCpuEngine(), model, paths, confidence, Ct, blockSize);
        var whole = await RiskStatistics.ComputeAsync(new RiskCpuEngine(), model, paths, confidence, Ct);

        Assert.Equal(sorted[k - 1], streamed.Var);
        Assert.Equal(sorted[k - 1], whole.Var);
        var tail = sorted.Where(x => x >= sorted[k - 1]).Average();
        Assert.Equal(tail, streamed.Cvar, 1e-9 * Math.Abs(tail));
        Assert.Equal(losses.Average(), streamed.MeanLoss, 1e-9 * Math.Abs(losses.Average()) + 1e-9);
        Assert.Equal(whole.Cvar, streamed.Cvar, 1e-9 * Math.Abs(tail));

        var reference = RiskReference.Statistics(input);
        Assert.Equal(reference.Var, streamed.Var, 1e-9 * Math.Abs(reference.Var) + 1e-9);
        Assert.Equal(reference.StdLoss, streamed.StdLoss, 1e-7 * reference.StdLoss + 1e-9);
    }

    [Fact]
    public void It_reads_the_quantile_rank_in_decimal()
    {
        // 0.99 × 100 is 99.00000000000001 in binary floating point; the rank is 99.
        Assert.Equal(99, RiskStatistics.QuantileRank(0.99, 100));
        Assert.Equal(100, RiskStatistics.QuantileRank(0.991, 100));
        Assert.Equal(1, RiskStatistics.QuantileRank(0.5, 1));
    }

    [Fact]
    public void Its_uniforms_are_open_and_its_streams_independent_of_order()
    {
        var key = RiskMath.KeyOf(1);
        var u = Enumerable.Range(0, 100_000).Select(n => RiskMath.Uniform(key, (ulong)n)).ToArray();
        Assert.All(u, x => Assert.InRange(x, double.Epsilon, 1 - 1e-17));
        Assert.InRange(u.Average(), 0.5 - 5 * Math.Sqrt(1.0 / 12 / u.Length), 0.5 + 5 * Math.Sqrt(1.0 / 12 / u.Length));
        Assert.Equal(u[777], RiskMath.Uniform(key, 777));
        Assert.NotEqual(RiskMath.KeyOf(1), RiskMath.KeyOf(2));
    }

    private static double[][] RandomCovariance(int n, int seed)
    {
        var random = new Random(seed);
        var a = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, n).Select(_ => 0.01 * (random.NextDouble() - 0.5)).ToArray()).ToArray();
        return [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => Enumerable.Range(0, n).Sum(k => a[i][k] * a[j][k]) + (i == j ? 1e-5 : 0)).ToArray())];
    }
}
