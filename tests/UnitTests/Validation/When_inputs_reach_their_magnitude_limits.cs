using System.Text.Json;
using System.Text.Json.Nodes;
using Prism.Compute;
using Prism.Compute.Kinds.Causal;
using Prism.Compute.Kinds.Finance;
using Prism.Compute.Kinds.Graph;
using Prism.Compute.Kinds.Pixels;
using Prism.Compute.Kinds.Pwsa;
using Prism.Compute.Kinds.Robotics;
using Prism.Compute.Kinds.Telecom;
using Prism.Compute.Kinds.Timeseries;
using Prism.Contracts;
using Prism.Contracts.Kinds.Causal;
using Prism.Contracts.Kinds.Finance;
using Prism.Contracts.Kinds.Graph;
using Prism.Contracts.Kinds.Pixels;
using Prism.Contracts.Kinds.Pwsa;
using Prism.Contracts.Kinds.Robotics;
using Prism.Contracts.Kinds.Telecom;
using Prism.Contracts.Kinds.Timeseries;
using Prism.Contracts.Validation;

namespace Prism.UnitTests.Validation;

/// <summary>
/// Per kind: every numeric field at the edge its schema allows still computes to a result JSON can
/// carry (a non-finite number cannot be serialized), and one step beyond is a 400 naming the field.
/// </summary>
public sealed class When_inputs_reach_their_magnitude_limits
{
    private static async Task AssertComputesFinite(IJobKind kind, IKindHandler handler, JsonNode input)
    {
        var parsed = kind.Parse(JsonSerializer.SerializeToElement(input));
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        var output = await handler.ExecuteAsync(parsed.Input!, CancellationToken.None);
        // Throws on NaN or ±Infinity: exactly the failure a client must never meet after a 202.
        var json = JsonSerializer.SerializeToElement(output, output.GetType(), PrismJson.Options);
        Assert.NotEqual(JsonValueKind.Undefined, json.ValueKind);
    }

    private static void AssertRejected(IJobKind kind, JsonNode input, string field)
    {
        var errors = kind.Parse(JsonSerializer.SerializeToElement(input)).Errors.ToDictionary();
        Assert.True(errors.ContainsKey(field), $"expected an error on {field}; got: {string.Join("; ", errors.Keys)}");
    }

    private static JsonArray Frame(int pixels) => [.. Enumerable.Range(0, pixels).Select(i => (JsonNode)(i % 3 == 0 ? 0 : ushort.MaxValue))];

    // ---- pixels.entropy

    private static JsonObject Entropy() => new() { ["width"] = 64, ["height"] = 64, ["pixels"] = Frame(64 * 64), ["window"] = PixelsEntropyKind.MaxWindow, ["bins"] = PixelsEntropyKind.MaxBins };

    [Fact]
    public Task Pixels_entropy_at_its_limits_computes_finite() =>
        AssertComputesFinite(new PixelsEntropyKind(), new PixelsEntropyHandler(new EntropyCpuEngine()), Entropy());

    [Fact]
    public void Pixels_entropy_beyond_its_limits_is_rejected()
    {
        var input = Entropy();
        input["pixels"]![0] = 65536;
        AssertRejected(new PixelsEntropyKind(), input, "input.pixels[0]");
        var bins = Entropy();
        bins["bins"] = PixelsEntropyKind.MaxBins + 1;
        AssertRejected(new PixelsEntropyKind(), bins, "input.bins");
    }

    // ---- pixels.segment

    private static JsonObject Segment() => new()
    {
        ["width"] = 64, ["height"] = 64, ["pixels"] = Frame(64 * 64), ["threshold"] = PixelsSegmentKind.MaxThreshold,
        ["minObjectSize"] = 1, ["maxObjects"] = PixelsSegmentKind.MaxObjectsLimit,
    };

    [Fact]
    public Task Pixels_segment_at_its_limits_computes_finite() =>
        AssertComputesFinite(new PixelsSegmentKind(), new PixelsSegmentHandler(new SegmentCpuEngine()), Segment());

    [Fact]
    public void Pixels_segment_beyond_its_limits_is_rejected()
    {
        var input = Segment();
        input["threshold"] = 65536;
        AssertRejected(new PixelsSegmentKind(), input, "input.threshold");
    }

    // ---- pwsa.detect

    private static JsonObject Detect() => new()
    {
        ["svId"] = "sv-1", ["timestamp"] = "2025-03-01T12:00:00Z",
        ["irFrame"] = new JsonObject { ["width"] = 64, ["height"] = 64, ["pixels"] = Frame(64 * 64) },
        ["threshold"] = PixelsSegmentKind.MaxThreshold, ["minObjectSize"] = 1, ["maxDetections"] = PwsaDetectKind.MaxDetectionsLimit,
    };

    [Fact]
    public Task Pwsa_detect_at_its_limits_computes_finite() =>
        AssertComputesFinite(new PwsaDetectKind(), new PwsaDetectHandler(new SegmentCpuEngine(), new EntropyCpuEngine()), Detect());

    [Fact]
    public void Pwsa_detect_beyond_its_limits_is_rejected()
    {
        var input = Detect();
        input["irFrame"]!["pixels"]![5] = 65536;
        AssertRejected(new PwsaDetectKind(), input, "input.irFrame.pixels[5]");
    }

    // ---- pwsa.fuse

    private static JsonObject Fuse(double noise = PwsaFuseKind.MaxNoise, double position = PwsaFuseKind.MaxAbsPosition)
    {
        var m = PwsaFuseKind.MaxAbsTime;
        var measurements = new JsonArray();
        foreach (var (t, sign) in new[] { (-m, 1.0), (-m / 2, -1.0), (0.0, 1.0), (m / 2, -1.0), (m, 1.0) })
        {
            measurements.Add(new JsonObject { ["t"] = t, ["position"] = new JsonArray(sign * position, -sign * PwsaFuseKind.MaxAbsPosition, PwsaFuseKind.MaxAbsPosition) });
        }
        return new JsonObject
        {
            ["tracks"] = new JsonArray(new JsonObject { ["trackId"] = "t-1", ["measurements"] = measurements }),
            ["processNoise"] = noise, ["measurementNoise"] = noise,
        };
    }

    [Theory]
    [InlineData(PwsaFuseKind.MaxNoise)]
    [InlineData(double.Epsilon)]
    public Task Pwsa_fuse_at_its_limits_computes_finite(double noise) =>
        AssertComputesFinite(new PwsaFuseKind(), new PwsaFuseHandler(new FuseCpuEngine()), Fuse(noise));

    [Fact]
    public void Pwsa_fuse_beyond_its_limits_is_rejected()
    {
        AssertRejected(new PwsaFuseKind(), Fuse(position: PwsaFuseKind.MaxAbsPosition * 1.000001), "input.tracks[0].measurements[0].position[0]");
        AssertRejected(new PwsaFuseKind(), Fuse(noise: PwsaFuseKind.MaxNoise * 1.000001), "input.processNoise");
    }

    // ---- timeseries.forecast

    private static JsonObject Forecast(double scale = TimeseriesForecastKind.MaxAbsValue)
    {
        var random = new Random(7);
        var series = new JsonArray([.. Enumerable.Range(0, 400).Select(t => (JsonNode)(scale * Math.Clamp(Math.Sin(t * 0.37) * 0.8 + (random.NextDouble() - 0.5) * 0.4, -1, 1)))]);
        series[0] = scale;
        return new JsonObject { ["series"] = new JsonArray(series), ["order"] = 4, ["horizon"] = TimeseriesForecastKind.MaxHorizon, ["confidence"] = 0.999999 };
    }

    [Fact]
    public Task Timeseries_forecast_at_its_limits_computes_finite() =>
        AssertComputesFinite(new TimeseriesForecastKind(), new TimeseriesForecastHandler(new ForecastCpuEngine()), Forecast());

    [Fact]
    public void Timeseries_forecast_beyond_its_limits_is_rejected() =>
        AssertRejected(new TimeseriesForecastKind(), Forecast(TimeseriesForecastKind.MaxAbsValue * 1.000001), "input.series[0][0]");

    // ---- causal.transfer-entropy

    private static JsonObject TransferEntropy(double scale = CausalTransferEntropyKind.MaxAbsValue)
    {
        var random = new Random(3);
        JsonArray Series() => [.. Enumerable.Range(0, 500).Select(t => (JsonNode)(t == 0 ? scale : t == 1 ? -scale : scale * (random.NextDouble() * 2 - 1)))];
        return new JsonObject { ["series"] = new JsonArray(Series(), Series(), Series()), ["lag"] = 1, ["bins"] = CausalTransferEntropyKind.MaxBins };
    }

    [Fact]
    public Task Causal_transfer_entropy_at_its_limits_computes_finite() =>
        AssertComputesFinite(new CausalTransferEntropyKind(), new CausalTransferEntropyHandler(new TransferEntropyCpuEngine()), TransferEntropy());

    [Fact]
    public void Causal_transfer_entropy_beyond_its_limits_is_rejected() =>
        AssertRejected(new CausalTransferEntropyKind(), TransferEntropy(CausalTransferEntropyKind.MaxAbsValue * 1.000001), "input.series[0][0]");

    // ---- finance.optimize

    private static JsonObject Optimize(string objective, double ret = MarketLimits.MaxAbsReturn, double variance = MarketLimits.MaxAbsCovariance)
    {
        var input = new JsonObject
        {
            ["symbols"] = new JsonArray("A", "B", "C"),
            ["expectedReturns"] = new JsonArray(ret, -MarketLimits.MaxAbsReturn, MarketLimits.MaxAbsReturn / 2),
            ["covariance"] = new JsonArray(
                new JsonArray(variance, MarketLimits.MaxAbsCovariance / 2, 0.0),
                new JsonArray(MarketLimits.MaxAbsCovariance / 2, MarketLimits.MaxAbsCovariance, 0.0),
                new JsonArray(0.0, 0.0, MarketLimits.MaxAbsCovariance)),
            ["objective"] = objective,
            ["minWeight"] = FinanceOptimizeKind.MinWeightLimit, ["maxWeight"] = FinanceOptimizeKind.MaxWeightLimit,
        };
        if (objective == FinanceObjectives.MeanVariance) input["riskAversion"] = FinanceOptimizeKind.MaxRiskAversion;
        if (objective == FinanceObjectives.MaximizeSharpe) input["riskFreeRate"] = -FinanceOptimizeKind.MaxAbsRiskFreeRate;
        return input;
    }

    private static JsonObject OptimizeFromReturns(double first = MarketLimits.MaxAbsReturn)
    {
        var random = new Random(11);
        var rows = new JsonArray([.. Enumerable.Range(0, 50).Select(t => (JsonNode)new JsonArray(
            t == 0 ? first : MarketLimits.MaxAbsReturn * (random.NextDouble() * 2 - 1), -MarketLimits.MaxAbsReturn * random.NextDouble(), MarketLimits.MaxAbsReturn * random.NextDouble()))]);
        return new JsonObject { ["symbols"] = new JsonArray("A", "B", "C"), ["returns"] = rows, ["objective"] = FinanceObjectives.MinimizeRisk };
    }

    [Theory]
    [InlineData(FinanceObjectives.MinimizeRisk)]
    [InlineData(FinanceObjectives.MaximizeSharpe)]
    [InlineData(FinanceObjectives.MeanVariance)]
    public Task Finance_optimize_at_its_limits_computes_finite(string objective) =>
        AssertComputesFinite(new FinanceOptimizeKind(), new FinanceOptimizeHandler(new CovarianceCpuEngine()), Optimize(objective));

    [Fact]
    public Task Finance_optimize_from_returns_at_their_limits_computes_finite() =>
        AssertComputesFinite(new FinanceOptimizeKind(), new FinanceOptimizeHandler(new CovarianceCpuEngine()), OptimizeFromReturns());

    [Fact]
    public void Finance_optimize_beyond_its_limits_is_rejected()
    {
        AssertRejected(new FinanceOptimizeKind(), Optimize(FinanceObjectives.MinimizeRisk, ret: 1e300), "input.expectedReturns[0]");
        AssertRejected(new FinanceOptimizeKind(), Optimize(FinanceObjectives.MinimizeRisk, variance: 1e300), "input.covariance[0][0]");
        AssertRejected(new FinanceOptimizeKind(), OptimizeFromReturns(1e300), "input.returns[0][0]");
    }

    // ---- finance.risk

    private static JsonObject Risk(double ret = -MarketLimits.MaxAbsReturn, double variance = MarketLimits.MaxAbsCovariance)
    {
        const int n = 20;
        var covariance = new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode)new JsonArray(
            [.. Enumerable.Range(0, n).Select(j => (JsonNode)(i == j ? (i == 0 ? variance : MarketLimits.MaxAbsCovariance) : MarketLimits.MaxAbsCovariance / 4))]))]);
        return new JsonObject
        {
            ["weights"] = new JsonArray([.. Enumerable.Repeat(FinanceRiskKind.MaxAbsWeight, n).Select(w => (JsonNode)w)]),
            ["expectedReturns"] = new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode)(i == 0 ? ret : -MarketLimits.MaxAbsReturn))]),
            ["covariance"] = covariance,
            ["horizon"] = FinanceRiskKind.MaxHorizon, ["paths"] = 200, ["confidence"] = FinanceRiskKind.MaxConfidence,
            ["portfolioValue"] = FinanceRiskKind.MaxPortfolioValue,
        };
    }

    [Fact]
    public Task Finance_risk_at_its_limits_computes_finite() =>
        AssertComputesFinite(new FinanceRiskKind(), new FinanceRiskHandler(new RiskCpuEngine()), Risk());

    [Fact]
    public void Finance_risk_beyond_its_limits_is_rejected()
    {
        AssertRejected(new FinanceRiskKind(), Risk(ret: 1e300), "input.expectedReturns[0]");
        AssertRejected(new FinanceRiskKind(), Risk(variance: 1e300), "input.covariance[0][0]");
    }

    // ---- telecom.optimize

    private static JsonObject Network(double latency = TelecomOptimizeKind.MaxLatencyMs)
    {
        const int n = 2_000;
        return new JsonObject
        {
            ["nodes"] = new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode)new JsonObject { ["id"] = $"n{i}", ["capacity"] = TelecomOptimizeKind.MaxBandwidth })]),
            ["links"] = new JsonArray([.. Enumerable.Range(0, n - 1).Select(i => (JsonNode)new JsonObject
            {
                ["source"] = $"n{i}", ["target"] = $"n{i + 1}", ["latencyMs"] = i == 0 ? latency : TelecomOptimizeKind.MaxLatencyMs, ["bandwidth"] = TelecomOptimizeKind.MaxBandwidth,
            })]),
            ["demands"] = new JsonArray([.. Enumerable.Range(0, 50).Select(_ => (JsonNode)new JsonObject { ["source"] = "n0", ["destination"] = $"n{n - 1}", ["bandwidth"] = TelecomOptimizeKind.MaxBandwidth })]),
            ["objective"] = TelecomObjectives.BalanceLoad,
        };
    }

    [Fact]
    public Task Telecom_optimize_at_its_limits_computes_finite() =>
        AssertComputesFinite(new TelecomOptimizeKind(), new TelecomOptimizeHandler(new ShortestPathCpuEngine()), Network());

    [Fact]
    public void Telecom_optimize_beyond_its_limits_is_rejected() =>
        AssertRejected(new TelecomOptimizeKind(), Network(TelecomOptimizeKind.MaxLatencyMs * 1.000001), "input.links[0].latencyMs");

    // ---- graph.color

    private static JsonObject Graph(int vertices = GraphColorKind.MaxVertices) => new()
    {
        ["vertexCount"] = vertices,
        ["edges"] = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)new JsonArray(i, GraphColorKind.MaxVertices - 1 - i))]),
        ["maxColors"] = GraphColorKind.MaxVertices, ["attempts"] = 1, ["iterations"] = 1_000, ["seed"] = long.MaxValue,
    };

    [Fact]
    public Task Graph_color_at_its_limits_computes_finite() =>
        AssertComputesFinite(new GraphColorKind(), new GraphColorHandler(new ColoringCpuEngine()), Graph());

    [Fact]
    public void Graph_color_beyond_its_limits_is_rejected() =>
        AssertRejected(new GraphColorKind(), Graph(GraphColorKind.MaxVertices + 1), "input.vertexCount");

    // ---- robotics.plan

    private static JsonObject Plan(double velocity = RoboticsPlanKind.MinVelocity, double corner = RoboticsPlanKind.MaxCoordinate)
    {
        var m = RoboticsPlanKind.MaxCoordinate;
        return new JsonObject
        {
            ["start"] = new JsonArray(-corner, -m), ["goal"] = new JsonArray(m, m), ["bounds"] = new JsonArray(-m, -m, m, m),
            ["obstacles"] = new JsonArray(new JsonObject { ["center"] = new JsonArray(0.0, 0.0), ["radius"] = m / 10 }),
            ["robotRadius"] = 1.0, ["maxVelocity"] = velocity,
        };
    }

    [Theory]
    [InlineData(RoboticsPlanKind.MinVelocity)]
    [InlineData(RoboticsPlanKind.MaxVelocityLimit)]
    public Task Robotics_plan_at_its_limits_computes_finite(double velocity) =>
        AssertComputesFinite(new RoboticsPlanKind(), new RoboticsPlanHandler(new VisibilityCpuEngine()), Plan(velocity));

    [Fact]
    public void Robotics_plan_beyond_its_limits_is_rejected()
    {
        AssertRejected(new RoboticsPlanKind(), Plan(velocity: double.Epsilon), "input.maxVelocity");
        AssertRejected(new RoboticsPlanKind(), Plan(corner: RoboticsPlanKind.MaxCoordinate * 1.000001), "input.start[0]");
    }
}
