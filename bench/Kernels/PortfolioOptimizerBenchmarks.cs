using BenchmarkDotNet.Attributes;
using Prism.Compute.Kinds.Finance;
using Prism.Contracts.Kinds.Finance;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary><c>finance.optimize</c>'s exact optimiser on 500 assets (covariance of 2,000 periods), long-only, cap 5%.</summary>
public class PortfolioOptimizerBenchmarks
{
    private const int Periods = 2000, Assets = 500;
    private double[] _sigma = [];
    private double[] _mu = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var returns = new double[Periods][];
        var drift = Enumerable.Range(0, Assets).Select(_ => 0.001 * random.NextDouble()).ToArray();
        for (var t = 0; t < Periods; t++)
        {
            var market = random.NextDouble() - 0.5;
            returns[t] = new double[Assets];
            for (var j = 0; j < Assets; j++) returns[t][j] = drift[j] + 0.01 * (market + random.NextDouble() - 0.5);
        }
        _sigma = CovarianceReference.Covariance(returns);
        _mu = FinanceOptimizeKind.MeanReturns(returns, Assets);
    }

    [Benchmark(Baseline = true, Description = "minimize_risk")]
    public double[] MinimizeRisk() => PortfolioOptimizer.Optimize(_sigma, _mu, FinanceObjectives.MinimizeRisk, 0, 0, 0.05, 0, CancellationToken.None);

    [Benchmark(Description = "maximize_sharpe")]
    public double[] MaximizeSharpe() => PortfolioOptimizer.Optimize(_sigma, _mu, FinanceObjectives.MaximizeSharpe, 0, 0, 0.05, 0, CancellationToken.None);
}
