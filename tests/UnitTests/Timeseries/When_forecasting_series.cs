using System.Text.Json;
using Prism.Compute;
using Prism.Compute.Kinds.Timeseries;
using Prism.Contracts;
using Prism.Contracts.Kinds.Timeseries;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Timeseries;

[Collection(IlgpuCollection.Name)]
public sealed class When_forecasting_series(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private IEnumerable<IForecastEngine> Engines() => [new ForecastCpuEngine(), new ForecastIlgpuEngine(ilgpu.Device)];

    private static async Task<TimeseriesForecastOutput> RunAsync(IForecastEngine engine, TimeseriesForecastInput input) =>
        (TimeseriesForecastOutput)await new TimeseriesForecastHandler(engine).ExecuteAsync(input, Ct);

    private static void Near(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public async Task It_recovers_the_coefficients_of_a_noiseless_AR1()
    {
        // x(t) = 2 + 0.6·x(t−1) from x(0) = 100: a transient towards the fixed point 5.
        var x = new double[40];
        x[0] = 100;
        for (var t = 1; t < x.Length; t++) x[t] = 2 + 0.6 * x[t - 1];
        var input = new TimeseriesForecastInput { Series = [x], Order = 1, Horizon = 3 };

        foreach (var engine in Engines())
        {
            var f = Assert.Single((await RunAsync(engine, input)).Forecasts);
            Near(2, f.Coefficients[0], 1e-9);
            Near(0.6, f.Coefficients[1], 1e-9);
            Assert.InRange(f.Sigma, 0, 1e-9);
            Near(2 + 0.6 * x[^1], f.Mean[0], 1e-9);
            Near(2 + 0.6 * (2 + 0.6 * x[^1]), f.Mean[1], 1e-9);
        }
    }

    [Fact]
    public async Task It_continues_a_sinusoid_that_an_AR2_recursion_generates_exactly()
    {
        // 10 + 3·sin(ωt + 0.4) satisfies x(t) = c + 2cos(ω)·x(t−1) − x(t−2) with c = 10·(2 − 2cos ω).
        const double omega = 0.3;
        const int length = 50, horizon = 25;
        double Signal(int t) => 10 + 3 * Math.Sin(omega * t + 0.4);
        var input = new TimeseriesForecastInput { Series = [[.. Enumerable.Range(0, length).Select(Signal)]], Order = 2, Horizon = horizon };

        foreach (var engine in Engines())
        {
            var f = Assert.Single((await RunAsync(engine, input)).Forecasts);
            Near(10 * (2 - 2 * Math.Cos(omega)), f.Coefficients[0], 1e-8);
            Near(2 * Math.Cos(omega), f.Coefficients[1], 1e-9);
            Near(-1, f.Coefficients[2], 1e-9);
            Assert.InRange(f.Sigma, 0, 1e-9);
            for (var h = 0; h < horizon; h++)
            {
                Near(Signal(length + h), f.Mean[h], 1e-8);
                Assert.InRange(f.Upper[h] - f.Lower[h], 0, 1e-6); // σ ≈ 0: the intervals collapse
            }
        }
    }

    [Fact]
    public async Task It_continues_a_straight_line_with_an_AR1_of_unit_slope()
    {
        // x(t) = 3 + 0.5t ⇒ x(t) = 0.5 + 1·x(t−1) exactly.
        var input = new TimeseriesForecastInput { Series = [[.. Enumerable.Range(0, 20).Select(t => 3 + 0.5 * t)]], Order = 1, Horizon = 5 };
        foreach (var engine in Engines())
        {
            var f = Assert.Single((await RunAsync(engine, input)).Forecasts);
            Near(0.5, f.Coefficients[0], 1e-9);
            Near(1, f.Coefficients[1], 1e-9);
            for (var h = 0; h < 5; h++) Near(3 + 0.5 * (20 + h), f.Mean[h], 1e-9);
        }
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.8)]
    public async Task It_widens_AR1_intervals_by_the_analytic_psi_weights(double confidence)
    {
        // ψj = φ^j, so the h-step half-width is z·σ·√(Σ_{j<h} φ^{2j}).
        var random = new Random(11);
        var x = new double[300];
        for (var t = 1; t < x.Length; t++) x[t] = 1 + 0.7 * x[t - 1] + (random.NextDouble() - 0.5);
        var input = new TimeseriesForecastInput { Series = [x], Order = 1, Horizon = 30, Confidence = confidence };
        var z = confidence == 0.95 ? 1.959963984540054 : 1.2815515655446004;

        foreach (var engine in Engines())
        {
            var f = Assert.Single((await RunAsync(engine, input)).Forecasts);
            var phi = f.Coefficients[1];
            Assert.InRange(phi, 0.6, 0.8);
            Assert.InRange(f.Sigma, 0.2, 0.4); // uniform(−½, ½) noise has σ = √(1/12) ≈ 0.289
            for (var h = 1; h <= 30; h++)
            {
                var geometric = (1 - Math.Pow(phi, 2 * h)) / (1 - phi * phi);
                var half = z * f.Sigma * Math.Sqrt(geometric);
                Near(f.Mean[h - 1] + half, f.Upper[h - 1], 1e-12);
                Near(f.Mean[h - 1] - half, f.Lower[h - 1], 1e-12);
            }
        }
    }

    [Theory]
    [InlineData(1, 1, 6)]
    [InlineData(2, 3, 4)]
    [InlineData(3, 8, 3)]
    [InlineData(4, 32, 2)]
    public async Task Both_engines_match_the_QR_reference(int seed, int order, int seriesCount)
    {
        var random = new Random(seed);
        var series = new double[seriesCount][];
        for (var k = 0; k < seriesCount; k++)
        {
            var length = TimeseriesForecastKind.MinLength(order) + random.Next(0, 150);
            var x = new double[length];
            for (var t = 0; t < length; t++)
            {
                x[t] = 5 + (random.NextDouble() - 0.5) * 4;
                if (t >= 2) x[t] += 0.5 * (x[t - 1] - 5) - 0.2 * (x[t - 2] - 5);
            }
            series[k] = x;
        }
        const int horizon = 20;
        var input = new TimeseriesForecastInput { Series = series, Order = order, Horizon = horizon, Confidence = 0.9 };
        var z = NormalQuantile.TwoSided(0.9);

        var cpu = await RunAsync(new ForecastCpuEngine(), input);
        var gpu = await RunAsync(new ForecastIlgpuEngine(ilgpu.Device), input);
        for (var k = 0; k < seriesCount; k++)
        {
            var reference = ForecastReference.Forecast(series[k], order, horizon, z);
            foreach (var f in new[] { cpu.Forecasts[k], gpu.Forecasts[k] })
            {
                Assert.Equal(order + 1, f.Coefficients.Length);
                for (var j = 0; j <= order; j++) Near(reference.Coefficients[j], f.Coefficients[j], 1e-9);
                Near(reference.Sigma, f.Sigma, 1e-9);
                for (var h = 0; h < horizon; h++)
                {
                    Near(reference.Mean[h], f.Mean[h], 1e-9);
                    Near(reference.Lower[h], f.Lower[h], 1e-9);
                    Near(reference.Upper[h], f.Upper[h], 1e-9);
                }
            }
        }
    }

    [Fact]
    public async Task It_fails_with_singular_fit_for_a_constant_series()
    {
        var input = new TimeseriesForecastInput { Series = [[1, 2, 3, 4, 5, 6], Enumerable.Repeat(0.1, 30).ToArray()], Order = 1, Horizon = 4 };
        foreach (var engine in Engines())
        {
            var failure = await Assert.ThrowsAsync<JobFailureException>(() => RunAsync(engine, input));
            Assert.Equal(ErrorCodes.SingularFit, failure.Code);
            Assert.Contains("input.series[1]", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task It_fails_with_singular_fit_when_two_lags_are_collinear()
    {
        // On a straight line x(t−1) − x(t−2) is constant, so lag 2 = lag 1 − intercept: rank deficient for p = 2.
        var input = new TimeseriesForecastInput { Series = [[.. Enumerable.Range(0, 30).Select(t => 3 + 0.5 * t)]], Order = 2, Horizon = 4 };
        foreach (var engine in Engines())
        {
            var failure = await Assert.ThrowsAsync<JobFailureException>(() => RunAsync(engine, input));
            Assert.Equal(ErrorCodes.SingularFit, failure.Code);
        }
    }

    [Fact]
    public async Task It_refuses_a_forecast_that_overflows()
    {
        var input = new TimeseriesForecastInput { Series = [[.. Enumerable.Range(0, 12).Select(t => Math.Pow(3, t))]], Order = 1, Horizon = 1000 };
        foreach (var engine in Engines())
        {
            var failure = await Assert.ThrowsAsync<JobFailureException>(() => RunAsync(engine, input));
            Assert.Equal(ErrorCodes.InvalidInput, failure.Code);
            Assert.Contains("overflows", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task It_runs_the_sample_to_a_sensible_forecast()
    {
        var parsed = new TimeseriesForecastKind().Parse(JsonDocument.Parse(File.ReadAllText(Repository.Sample("timeseries.forecast"))).RootElement);
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        var input = (TimeseriesForecastInput)parsed.Input!;
        var output = await RunAsync(new ForecastCpuEngine(), input);

        Assert.Equal(input.Series!.Length, output.Forecasts.Length);
        foreach (var f in output.Forecasts)
        {
            Assert.Equal(input.Horizon, f.Mean.Length);
            Assert.True(f.Sigma > 0);
            for (var h = 1; h < f.Mean.Length; h++) Assert.True(f.Upper[h] - f.Lower[h] >= f.Upper[h - 1] - f.Lower[h - 1]);
        }
    }
}
