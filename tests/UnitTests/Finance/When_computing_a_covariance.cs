using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using Prism.Compute.Kinds.Finance;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Finance;

[Collection(IlgpuCollection.Name)]
public sealed class When_computing_a_covariance(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task It_divides_by_T_minus_1()
    {
        // x = [1, 2, 3, 6]: mean 3, Σ(x − 3)² = 14 → 14/3; y = 2x → 4·14/3, cov 2·14/3.
        double[][] returns = [[1, 2], [2, 4], [3, 6], [6, 12]];
        var (centered, _) = PortfolioMath.Center(returns);
        var cov = await new CovarianceCpuEngine().CovarianceAsync(centered, 4, 2, Ct);
        double[] expected = [14.0 / 3, 28.0 / 3, 28.0 / 3, 56.0 / 3];
        for (var k = 0; k < 4; k++) Assert.Equal(expected[k], cov[k], 1e-12);
    }

    [Theory]
    [InlineData(37, 13, 1)]
    [InlineData(5, 9, 2)]
    [InlineData(64, 17, 3)]
    [InlineData(2, 1, 4)]
    public async Task The_engines_match_the_reference_and_MathNet(int periods, int assets, int seed)
    {
        var returns = PortfolioChecks.Returns(periods, assets, seed);
        var reference = CovarianceReference.Covariance(returns);
        var (centered, _) = PortfolioMath.Center(returns);
        var cpu = await new CovarianceCpuEngine().CovarianceAsync(centered, periods, assets, Ct);
        var gpu = await new CovarianceIlgpuEngine(ilgpu.Device).CovarianceAsync(centered, periods, assets, Ct);

        for (var i = 0; i < assets; i++)
        {
            var column = returns.Select(r => r[i]).ToArray();
            for (var j = 0; j < assets; j++)
            {
                var mathNet = Statistics.Covariance(column, returns.Select(r => r[j]));
                var k = i * assets + j;
                var tolerance = 1e-12 * Math.Sqrt(reference[i * assets + i] * reference[j * assets + j]) + 1e-300;
                Assert.Equal(mathNet, reference[k], tolerance * 100);
                Assert.Equal(reference[k], cpu[k], tolerance);
                Assert.Equal(cpu[k], gpu[k], tolerance);
                Assert.Equal(cpu[k], cpu[j * assets + i]);
            }
        }
    }

    [Fact]
    public async Task It_agrees_with_MathNet_matrix_algebra_on_a_wider_market()
    {
        const int periods = 80, assets = 45;
        var returns = PortfolioChecks.Returns(periods, assets, 9);
        var (centered, _) = PortfolioMath.Center(returns);
        var x = Matrix<double>.Build.Dense(periods, assets, (t, j) => centered[t * assets + j]);
        var expected = x.TransposeThisAndMultiply(x) / (periods - 1);
        var cpu = await new CovarianceCpuEngine().CovarianceAsync(centered, periods, assets, Ct);
        for (var i = 0; i < assets; i++)
            for (var j = 0; j < assets; j++)
                Assert.Equal(expected[i, j], cpu[i * assets + j], 1e-15);
    }
}
