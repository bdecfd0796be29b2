using ILGPU;

namespace Prism.Compute.Kinds.Finance;

/// <summary>ILGPU kernels of <c>finance.risk</c>.</summary>
public static class RiskKernels
{
    /// <summary>
    /// One thread per path: the loop of <see cref="RiskMath.PathLoss"/> (same counters, same order),
    /// so a path's loss does not depend on the engine that drew it. Threads share only the read-only loadings.
    /// </summary>
    public static void Losses(Index1D index, ArrayView<double> loadings, ArrayView<double> losses, RiskKernelParams p)
    {
        var path = p.FirstPath + index;
        var pairs = RiskMath.PairsOf(p.Assets);
        var total = 0.0;
        for (var s = 0; s < p.Horizon; s++)
        {
            var period = p.MeanReturn;
            for (var q = 0; q < pairs; q++)
            {
                var c = RiskMath.PairCounter(path, s, q, p.Horizon, pairs);
                var r = Math.Sqrt(-2.0 * Math.Log(RiskMath.Uniform(p.Key, 2 * c)));
                var angle = RiskMath.TwoPi * RiskMath.Uniform(p.Key, 2 * c + 1);
                period += loadings[2 * q] * (r * Math.Cos(angle));
                if (2 * q + 1 < p.Assets) period += loadings[2 * q + 1] * (r * Math.Sin(angle));
            }
            total += period;
        }
        losses[index] = -total * p.PortfolioValue;
    }
}
