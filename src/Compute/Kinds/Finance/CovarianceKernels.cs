using ILGPU;

namespace Prism.Compute.Kinds.Finance;

/// <summary>ILGPU kernels of <c>finance.optimize</c>.</summary>
public static class CovarianceKernels
{
    /// <summary>
    /// One thread per (i, j) of the N×N matrix; threads with j ≥ i sum x[t,i]·x[t,j] over the periods
    /// in order and write both (i, j) and (j, i). Neighbouring threads read neighbouring columns of
    /// a period's row, so the loads coalesce.
    /// </summary>
    public static void Covariance(Index1D index, ArrayView<double> centered, ArrayView<double> cov, CovarianceKernelParams p)
    {
        int i = index / p.Assets, j = index % p.Assets;
        if (j < i) return;
        var sum = 0.0;
        for (var t = 0; t < p.Periods; t++)
        {
            var rowStart = (long)t * p.Assets;
            sum += centered[rowStart + i] * centered[rowStart + j];
        }
        var c = sum / (p.Periods - 1);
        cov[(long)i * p.Assets + j] = c;
        cov[(long)j * p.Assets + i] = c;
    }
}
