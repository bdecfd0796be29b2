namespace Prism.Compute.Kinds.Timeseries;

/// <summary>
/// The fitting rules both engines follow. The series is centred on its mean first and each lag
/// column on its own mean, so the normal equations are the lag columns' cross-product (covariance)
/// matrix — the OLS slopes with an intercept, without the intercept's conditioning damage. That
/// p×p matrix is scaled to unit diagonal (a correlation matrix) and factored by Cholesky.
/// </summary>
public static class ArMath
{
    /// <summary>
    /// A lag column whose standard deviation is below this fraction of the series' RMS is constant
    /// to within rounding: singular.
    /// </summary>
    public const double ColumnTolerance = 1e-12;

    /// <summary>A Cholesky pivot of the unit-diagonal matrix below this (condition ≳ 1e10) is singular.</summary>
    public const double PivotTolerance = 1e-10;

    /// <summary>Doubles of per-series scratch the ILGPU kernel needs for order p: C ((p+1)²), lag means (p+1), solve vector (p+1).</summary>
    public static int ScratchStride(int order) => (order + 1) * (order + 1) + 2 * (order + 1);
}
