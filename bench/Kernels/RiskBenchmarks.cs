using BenchmarkDotNet.Attributes;
using Prism.Compute.Kinds.Finance;
using Prism.Contracts.Kinds.Finance;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary><c>finance.risk</c>: 10⁶ paths, 20 assets, horizon 10 — CPU engine + two-pass statistics vs. the plain loop with a full sort.</summary>
[MemoryDiagnoser]
public class RiskBenchmarks
{
    private const int Assets = 20;
    private FinanceRiskInput _input = null!;
    private RiskModel _model = null!;
    private readonly RiskCpuEngine _engine = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, Assets).Select(_ => Enumerable.Range(0, Assets).Select(_ => 0.01 * (random.NextDouble() - 0.5)).ToArray()).ToArray();
        _input = new FinanceRiskInput
        {
            Weights = [.. Enumerable.Repeat(1.0 / Assets, Assets)],
            ExpectedReturns = [.. Enumerable.Range(0, Assets).Select(_ => 0.001 * random.NextDouble())],
            Covariance = [.. Enumerable.Range(0, Assets).Select(i => Enumerable.Range(0, Assets).Select(j => Enumerable.Range(0, Assets).Sum(k => a[i][k] * a[j][k]) + (i == j ? 1e-5 : 0)).ToArray())],
            Horizon = 10,
            Confidence = 0.99,
            Paths = 1_000_000,
            PortfolioValue = 1e6,
            Seed = 1,
        };
        _model = RiskModel.From(_input);
    }

    [Benchmark(Baseline = true, Description = "plain single-threaded loop + sort")]
    public FinanceRiskOutput Reference() => RiskReference.Statistics(_input);

    [Benchmark(Description = "CPU engine + two-pass quantile")]
    public FinanceRiskOutput CpuEngine() =>
        RiskStatistics.ComputeAsync(_engine, _model, _input.Paths, _input.Confidence, CancellationToken.None).GetAwaiter().GetResult();
}
