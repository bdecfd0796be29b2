namespace Prism.Compute.Kinds.Finance;

/// <summary>
/// The counter-based random numbers of <c>finance.risk</c>, shared by every engine so a path's
/// draws depend only on (seed, path, period, pair) — never on threads or launch order.
/// The n-th uniform of a seed is SplitMix64's n-th output for the stream keyed by that seed
/// (state = key + n·γ, then the SplitMix64 finaliser); normals come in pairs by Box-Muller.
/// </summary>
public static class RiskMath
{
    /// <summary>SplitMix64's increment γ (2⁶⁴ / golden ratio).</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    public const double TwoPi = 2 * Math.PI;

    /// <summary>The SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The stream key of a seed (mixed, so neighbouring seeds give unrelated streams).</summary>
    public static ulong KeyOf(long seed) => Mix(unchecked((ulong)seed + Gamma));

    /// <summary>The n-th uniform of the stream: the top 53 bits, centred in their cell, so never 0 or 1.</summary>
    public static double Uniform(ulong key, ulong n) => ((Mix(unchecked(key + n * Gamma)) >> 11) + 0.5) * (1.0 / 9007199254740992.0);

    /// <summary>Index of the normal pair for (path, period, pair); its uniforms are numbers 2c and 2c + 1.</summary>
    public static ulong PairCounter(long path, int period, int pair, int horizon, int pairs) =>
        unchecked(((ulong)path * (ulong)horizon + (ulong)period) * (ulong)pairs + (ulong)pair);

    /// <summary>Normal pairs per period: ⌈assets / 2⌉ (an odd last pair's second normal is unused).</summary>
    public static int PairsOf(int assets) => (assets + 1) / 2;

    /// <summary>
    /// The loss of one path, −(Σ over periods of wᵀμ + Σk aₖ·zₖ) × value, summed in period then
    /// asset order. <see cref="RiskKernels.Losses"/> is the same loop on the device.
    /// </summary>
    public static double PathLoss(RiskModel model, long path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var loadings = model.Loadings;
        int assets = model.Assets, pairs = PairsOf(assets);
        var total = 0.0;
        for (var s = 0; s < model.Horizon; s++)
        {
            var period = model.MeanReturn;
            for (var q = 0; q < pairs; q++)
            {
                var c = PairCounter(path, s, q, model.Horizon, pairs);
                var r = Math.Sqrt(-2.0 * Math.Log(Uniform(model.Key, 2 * c)));
                var angle = TwoPi * Uniform(model.Key, 2 * c + 1);
                period += loadings[2 * q] * (r * Math.Cos(angle));
                if (2 * q + 1 < assets) period += loadings[2 * q + 1] * (r * Math.Sin(angle));
            }
            total += period;
        }
        return -total * model.PortfolioValue;
    }
}
