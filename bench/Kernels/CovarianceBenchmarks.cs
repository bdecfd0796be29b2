using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using Prism.Compute.Kinds.Finance;
using Prism.KindReferences;

namespace Prism.Kernels;

/// <summary>
/// <c>finance.optimize</c>'s covariance of 2,000 periods × 500 assets: CPU engine vs. the plain loop
/// vs. MathNet.Numerics (XᵀX on its managed provider).
/// </summary>
[MemoryDiagnoser]
public class CovarianceBenchmarks
{
    private const int Periods = 2000, Assets = 500;
    private double[][] _returns = [];
    private double[] _centered = [];
    private Matrix<double> _matrix = null!;
    private readonly CovarianceCpuEngine _engine = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _returns = new double[Periods][];
        for (var t = 0; t < Periods; t++)
        {
            var market = random.NextDouble() - 0.5;
            _returns[t] = new double[Assets];
            for (var j = 0; j < Assets; j++) _returns[t][j] = 0.01 * (market + random.NextDouble() - 0.5);
        }
        (_centered, _) = PortfolioMath.Center(_returns);
        _matrix = Matrix<double>.Build.Dense(Periods, Assets, (t, j) => _centered[t * Assets + j]);
    }

    [Benchmark(Baseline = true, Description = "plain single-threaded loop")]
    public double[] Reference() => CovarianceReference.Covariance(_returns);

    [Benchmark(Description = "CPU engine")]
    public double[] CpuEngine() => _engine.CovarianceAsync(_centered, Periods, Assets, CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark(Description = "MathNet XᵀX/(T−1)")]
    public Matrix<double> MathNet() => _matrix.TransposeThisAndMultiply(_matrix) / (Periods - 1);
}
