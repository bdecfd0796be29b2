using MathNet.Numerics.LinearAlgebra;
using Prism.Compute.Kinds.Finance;
using Prism.Contracts.Kinds.Finance;
using Prism.KindReferences;

namespace Prism.UnitTests.Finance;

public sealed class When_optimising_a_portfolio
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<FinanceOptimizeOutput> RunAsync(FinanceOptimizeInput input) =>
        (FinanceOptimizeOutput)await new FinanceOptimizeHandler(new CovarianceCpuEngine()).ExecuteAsync(input, Ct);

    private static FinanceOptimizeInput Market(double[] mu, double[,] sigma, string objective, double lo = 0, double hi = 1, double rf = 0, double? riskAversion = null) => new()
    {
        Symbols = [.. Enumerable.Range(0, mu.Length).Select(i => $"S{i}")],
        ExpectedReturns = mu,
        Covariance = [.. Enumerable.Range(0, mu.Length).Select(i => Enumerable.Range(0, mu.Length).Select(j => sigma[i, j]).ToArray())],
        Objective = objective,
        MinWeight = lo,
        MaxWeight = hi,
        RiskFreeRate = rf,
        RiskAversion = riskAversion,
    };

    private static double[] Weights(FinanceOptimizeOutput output) => [.. output.Weights.Select(w => w.Weight)];

    [Fact]
    public async Task It_splits_two_uncorrelated_assets_by_inverse_variance()
    {
        // w1 = σ2² / (σ1² + σ2²) = 0.01 / 0.05.
        var output = await RunAsync(Market([0.01, 0.02], new[,] { { 0.04, 0 }, { 0, 0.01 } }, FinanceObjectives.MinimizeRisk));
        Assert.Equal(0.2, output.Weights[0].Weight, 12);
        Assert.Equal(0.8, output.Weights[1].Weight, 12);
        Assert.Equal(["S0", "S1"], output.Weights.Select(w => w.Symbol));
        Assert.Equal(0.2 * 0.01 + 0.8 * 0.02, output.ExpectedReturn, 12);
        Assert.Equal(Math.Sqrt(0.04 * 0.04 + 0.64 * 0.01), output.Risk, 12); // = sqrt(σ1²σ2²/(σ1²+σ2²))
        Assert.Equal(output.ExpectedReturn / output.Risk, output.SharpeRatio, 12);
    }

    [Fact]
    public async Task It_stops_a_weight_at_maxWeight_and_gives_the_rest_to_the_other_asset()
    {
        // Unconstrained the low-variance asset would take 0.8; the cap holds it at 0.7.
        var output = await RunAsync(Market([0.01, 0.02], new[,] { { 0.04, 0 }, { 0, 0.01 } }, FinanceObjectives.MinimizeRisk, hi: 0.7));
        Assert.Equal(0.3, output.Weights[0].Weight, 12);
        Assert.Equal(0.7, output.Weights[1].Weight, 12);
    }

    [Fact]
    public async Task It_drops_a_hedging_short_to_zero_when_long_only()
    {
        // Asset 2 is highly correlated with asset 0 but riskier: the unconstrained minimum variance
        // shorts it. Long-only, it sits at 0 and the other two split by the 2-asset formula.
        var sigma = new[,] { { 0.04, 0.0, 0.057 }, { 0.0, 0.09, 0.0 }, { 0.057, 0.0, 0.09 } };
        var unconstrained = await RunAsync(Market([0.01, 0.01, 0.01], sigma, FinanceObjectives.MinimizeRisk, lo: -10, hi: 10));
        Assert.True(unconstrained.Weights[2].Weight < -0.05);

        var output = await RunAsync(Market([0.01, 0.01, 0.01], sigma, FinanceObjectives.MinimizeRisk));
        Assert.Equal(0.0, output.Weights[2].Weight, 12);
        Assert.Equal(0.09 / 0.13, output.Weights[0].Weight, 10);
        Assert.Equal(0.04 / 0.13, output.Weights[1].Weight, 10);
    }

    [Fact]
    public async Task It_finds_the_tangency_portfolio_of_the_closed_form()
    {
        // Unconstrained tangency: w ∝ Σ⁻¹(μ − rf); all positive here, so long-only bounds are inactive.
        double[] mu = [0.010, 0.012, 0.008, 0.015];
        var sigma = new[,]
        {
            { 0.0040, 0.0012, 0.0008, 0.0010 },
            { 0.0012, 0.0050, 0.0010, 0.0015 },
            { 0.0008, 0.0010, 0.0030, 0.0009 },
            { 0.0010, 0.0015, 0.0009, 0.0080 },
        };
        const double rf = 0.002;
        var z = Matrix<double>.Build.DenseOfArray(sigma).Solve(Vector<double>.Build.DenseOfEnumerable(mu.Select(m => m - rf)));
        var expected = (z / z.Sum()).ToArray();
        Assert.All(expected, w => Assert.True(w > 0));

        var output = await RunAsync(Market(mu, sigma, FinanceObjectives.MaximizeSharpe, rf: rf));
        var w = Weights(output);
        for (var i = 0; i < mu.Length; i++) Assert.Equal(expected[i], w[i], 8);
        var flat = PortfolioMath.Flatten(Market(mu, sigma, "").Covariance!);
        Assert.Equal(PortfolioOptimizer.Sharpe(flat, mu, rf, expected), output.SharpeRatio, 12);
    }

    [Fact]
    public async Task It_matches_the_mean_variance_closed_form_when_unconstrained()
    {
        // w = Σ⁻¹(μ − ν·1)/λ with ν chosen so the weights sum to 1.
        double[] mu = [0.010, 0.012, 0.008];
        var sigma = new[,] { { 0.0040, 0.0012, 0.0008 }, { 0.0012, 0.0050, 0.0010 }, { 0.0008, 0.0010, 0.0030 } };
        const double lambda = 0.3;
        var s = Matrix<double>.Build.DenseOfArray(sigma);
        var a = s.Solve(Vector<double>.Build.DenseOfArray(mu));
        var b = s.Solve(Vector<double>.Build.Dense(3, 1.0));
        var nu = (a.Sum() - lambda) / b.Sum();
        var expected = ((a - nu * b) / lambda).ToArray();
        Assert.Contains(expected, w => w < 0 || w > 1); // the bounds below must matter

        var output = await RunAsync(Market(mu, sigma, FinanceObjectives.MeanVariance, lo: -10, hi: 10, riskAversion: lambda));
        var w = Weights(output);
        for (var i = 0; i < 3; i++) Assert.Equal(expected[i], w[i], 8);
    }

    [Theory]
    [InlineData(FinanceObjectives.MinimizeRisk, 0.0, 1.0)]
    [InlineData(FinanceObjectives.MaximizeSharpe, 0.0, 1.0)]
    [InlineData(FinanceObjectives.MeanVariance, 0.0, 1.0)]
    [InlineData(FinanceObjectives.MaximizeSharpe, 0.1, 0.5)]
    [InlineData(FinanceObjectives.MeanVariance, -0.2, 0.6)]
    public async Task It_beats_every_point_of_a_fine_grid_for_three_assets(string objective, double lo, double hi)
    {
        double[] mu = [0.004, 0.011, 0.007];
        var sigma = new[,] { { 0.0020, 0.0006, -0.0004 }, { 0.0006, 0.0090, 0.0012 }, { -0.0004, 0.0012, 0.0040 } };
        const double rf = 0.001, lambda = 4.0;
        var input = Market(mu, sigma, objective, lo, hi, rf, lambda);
        var flat = PortfolioMath.Flatten(input.Covariance!);
        double Score(double[] w) => objective switch
        {
            FinanceObjectives.MinimizeRisk => -PortfolioMath.Quadratic(flat, w),
            FinanceObjectives.MaximizeSharpe => PortfolioOptimizer.Sharpe(flat, mu, rf, w),
            _ => PortfolioMath.Dot(mu, w) - lambda / 2 * PortfolioMath.Quadratic(flat, w),
        };

        var best = double.NegativeInfinity;
        const int steps = 800;
        for (var i = 0; i <= steps; i++)
        {
            for (var j = 0; j <= steps; j++)
            {
                double w0 = lo + (hi - lo) * i / steps, w1 = lo + (hi - lo) * j / steps, w2 = 1 - w0 - w1;
                if (w2 < lo || w2 > hi) continue;
                best = Math.Max(best, Score([w0, w1, w2]));
            }
        }

        var w = Weights(await RunAsync(input));
        Assert.Equal(1.0, w.Sum(), 12);
        Assert.All(w, x => Assert.InRange(x, lo - 1e-12, hi + 1e-12));
        var score = Score(w);
        Assert.True(score >= best - 1e-12 * Math.Abs(best), $"optimiser {score} < grid {best}");
        Assert.True(score - best < 1e-3 * Math.Abs(best) + 1e-9, $"the grid should come close: {score} vs {best}");
    }

    [Theory]
    [InlineData(40, 60, 0.0, 0.1, 1)]
    [InlineData(25, 200, 0.0, 1.0, 2)]
    [InlineData(60, 40, 0.0, 0.05, 3)] // T < N: a singular sample covariance
    [InlineData(30, 120, -0.1, 0.2, 4)]
    public async Task It_satisfies_the_KKT_conditions_on_random_markets(int assets, int periods, double lo, double hi, int seed)
    {
        var returns = PortfolioChecks.Returns(periods, assets, seed);
        var sigma = CovarianceReference.Covariance(returns);
        var mu = FinanceOptimizeKind.MeanReturns(returns, assets);
        var input = new FinanceOptimizeInput { Symbols = [.. Enumerable.Range(0, assets).Select(i => $"A{i}")], Returns = returns, MinWeight = lo, MaxWeight = hi };

        // A singular Σ (T ≤ N) is solved with a tiny ridge and a looser multiplier test.
        var tolerance = periods > assets ? 1e-7 : 1e-4;
        var minRisk = Weights(await RunAsync(input with { Objective = FinanceObjectives.MinimizeRisk }));
        Assert.True(PortfolioChecks.KktViolation(sigma, mu, 0, lo, hi, minRisk) < tolerance);

        const double lambda = 2.5;
        var meanVariance = Weights(await RunAsync(input with { Objective = FinanceObjectives.MeanVariance, RiskAversion = lambda }));
        Assert.True(PortfolioChecks.KktViolation(sigma, mu, 1 / lambda, lo, hi, meanVariance) < tolerance);

        var sharpe = Weights(await RunAsync(input with { Objective = FinanceObjectives.MaximizeSharpe }));
        if (periods <= assets) return;
        var gradient = PortfolioChecks.SharpeGradient(sigma, mu, 0, sharpe);
        Assert.True(PortfolioChecks.StationarityViolation(gradient, lo, hi, sharpe, minimise: false) < 1e-6);
        // No feasible perturbation improves the Sharpe ratio (or the other objectives).
        var random = new Random(seed);
        var best = PortfolioOptimizer.Sharpe(sigma, mu, 0, sharpe);
        for (var k = 0; k < 300; k++)
        {
            var other = (double[])sharpe.Clone();
            int a = random.Next(assets), b = random.Next(assets);
            var move = Math.Min(Math.Min(hi - other[a], other[b] - lo), 1e-3 * random.NextDouble());
            if (a == b || move <= 0) continue;
            other[a] += move;
            other[b] -= move;
            Assert.True(PortfolioOptimizer.Sharpe(sigma, mu, 0, other) <= best + 1e-12 * Math.Abs(best));
            Assert.True(PortfolioMath.Quadratic(sigma, other) >= PortfolioMath.Quadratic(sigma, minRisk) - 1e-15);
        }
    }

    // Found by the GPU check's generated jobs (scripts/gpu-check.sh): about one small capped Sharpe job in
    // fifteen failed with "did not converge", on the CPU engine as on the GPU. At an optimal vertex (every
    // weight on a bound) the solver freed a weight, the budget pinned it back by rounding, and so on forever.
    // Before the fix: "did not converge in 280 active-set iterations"; with the vertex test alone, the budget
    // drifted by 1.2e-7 at t ≈ 1e8 (seed 3), and weights summed to 1.5 at t ≈ 1e15 (seed 1).
    [Fact]
    public async Task It_converges_on_small_capped_markets_whose_optimum_is_a_vertex()
    {
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new Random(seed);
            int assets = random.Next(3, 9), periods = random.Next(24, 61);
            var returns = PortfolioChecks.Returns(periods, assets, seed);
            var sigma = CovarianceReference.Covariance(returns);
            var mu = FinanceOptimizeKind.MeanReturns(returns, assets);
            const double lo = 0, hi = 0.5;

            // The QP for return weights t from e⁻¹⁰ to e⁶⁰ (1/riskAversion reaches 1e12 and beyond): the largest
            // ones have a vertex optimum, and past ReturnDominance the linear one.
            for (var logT = -10.0; logT <= 60; logT += 0.25)
            {
                var qp = new PortfolioQp(sigma, 0, 1, mu, lo, hi);
                qp.Solve(Math.Exp(logT), Ct);
                var violation = PortfolioChecks.KktViolation(sigma, mu, Math.Exp(logT), lo, hi, qp.Weights);
                Assert.True(violation < 1e-7, $"seed {seed}, log t {logT}: KKT violation {violation}, weights [{string.Join(", ", qp.Weights)}]");
            }

            var input = new FinanceOptimizeInput
            {
                Symbols = [.. Enumerable.Range(0, assets).Select(i => $"A{i}")],
                Returns = returns,
                Objective = FinanceObjectives.MaximizeSharpe,
                MaxWeight = hi,
                RiskFreeRate = mu.Min() - 0.01,
            };
            var sharpe = Weights(await RunAsync(input));
            var gradient = PortfolioChecks.SharpeGradient(sigma, mu, input.RiskFreeRate, sharpe);
            Assert.True(PortfolioChecks.StationarityViolation(gradient, lo, hi, sharpe, minimise: false) < 1e-6, $"seed {seed}");
        }
    }

    [Fact]
    public async Task A_vanishing_risk_aversion_gives_the_highest_return_portfolio()
    {
        // λ → 0: maximise μᵀw alone; with weights capped at 0.4 that is 0.4, 0.4, 0.2 down the returns.
        double[] mu = [0.004, 0.011, 0.007, 0.009];
        var sigma = new[,] { { 0.0020, 0.0006, -0.0004, 0.0 }, { 0.0006, 0.0090, 0.0012, 0.0 }, { -0.0004, 0.0012, 0.0040, 0.0 }, { 0.0, 0.0, 0.0, 0.0030 } };
        foreach (var lambda in new[] { 1e-9, 1e-15, 1e-300 })
        {
            var w = Weights(await RunAsync(Market(mu, sigma, FinanceObjectives.MeanVariance, hi: 0.4, riskAversion: lambda)));
            Assert.Equal(1.0, w.Sum(), 12);
            Assert.All(w.Zip([0.0, 0.4, 0.2, 0.4]), p => Assert.Equal(p.Second, p.First, 6));
        }
    }

    [Fact]
    public async Task It_uses_the_mean_returns_and_sample_covariance_of_the_returns()
    {
        double[][] returns = [[0.01, 0.03], [0.03, 0.01], [0.02, 0.05], [0.00, -0.01]];
        var output = await RunAsync(new FinanceOptimizeInput { Symbols = ["A", "B"], Returns = returns });
        // Means 0.015, 0.02; with the T−1 divisor: variances 5e-4/3, 20e-4/3, covariance 4e-4/3.
        double va = 5e-4 / 3, vb = 20e-4 / 3, c = 4e-4 / 3;
        var wa = (vb - c) / (va + vb - 2 * c);
        Assert.Equal(wa, output.Weights[0].Weight, 12);
        Assert.Equal(wa * 0.015 + (1 - wa) * 0.02, output.ExpectedReturn, 12);
        Assert.Equal(Math.Sqrt(wa * wa * va + (1 - wa) * (1 - wa) * vb + 2 * wa * (1 - wa) * c), output.Risk, 12);
    }

    [Fact]
    public void It_projects_exactly_onto_the_capped_simplex()
    {
        double[] v = [0.9, 0.5, -0.3, 0.2];
        PortfolioQp.ProjectOntoCappedSimplex(v, 0, 0.6);
        // clamp(v − τ, 0, 0.6) sums to 1 at τ = 0.15: [0.6 (capped), 0.35, 0, 0.05].
        Assert.Equal(new[] { 0.6, 0.35, 0, 0.05 }, v.Select(x => Math.Round(x, 12)));
    }
}
