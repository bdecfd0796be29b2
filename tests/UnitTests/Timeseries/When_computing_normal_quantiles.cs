using Prism.Compute.Kinds.Timeseries;

namespace Prism.UnitTests.Timeseries;

public sealed class When_computing_normal_quantiles
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(0.8413447460685429, 1.0)] // Φ(1)
    [InlineData(0.022750131948179195, -2.0)] // Φ(−2)
    [InlineData(0.9, 1.2815515655446004)]
    [InlineData(1e-10, -6.361340902404056)] // second tail branch
    [InlineData(1e-20, -9.262340089798408)] // far tail branch (√−ln p > 5)
    public void It_matches_known_quantiles(double p, double expected) =>
        Assert.Equal(expected, NormalQuantile.Inverse(p), 1e-12 * Math.Max(1, Math.Abs(expected)));

    [Theory]
    [InlineData(0.95, 1.959963984540054)]
    [InlineData(0.99, 2.5758293035489004)]
    [InlineData(0.9, 1.6448536269514722)]
    [InlineData(0.6826894921370859, 1.0)] // P(|Z| ≤ 1)
    public void It_gives_the_two_sided_quantile_of_a_confidence(double confidence, double z) =>
        Assert.Equal(z, NormalQuantile.TwoSided(confidence), 1e-12);

    [Fact]
    public void It_is_antisymmetric_and_increasing()
    {
        var previous = double.NegativeInfinity;
        for (var p = 0.001; p < 1; p += 0.001)
        {
            var x = NormalQuantile.Inverse(p);
            Assert.Equal(-x, NormalQuantile.Inverse(1 - p), 1e-12);
            Assert.True(x > previous);
            previous = x;
        }
    }

    [Fact]
    public void It_stays_finite_for_a_confidence_a_hair_below_one() =>
        Assert.InRange(NormalQuantile.TwoSided(0.9999999999999999), 8, 9);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void It_refuses_probabilities_outside_the_open_interval(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalQuantile.Inverse(p));
}
