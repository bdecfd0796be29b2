namespace Prism.Compute.Kinds.Finance;

/// <summary>The heavy part of <c>finance.optimize</c>: the sample covariance of T×N returns.</summary>
public interface ICovarianceEngine
{
    /// <summary>
    /// Σ = XᵀX / (T − 1) for the column-centred returns X (row-major T×N); Σ row-major N×N. Each
    /// entry sums its T products in period order.
    /// </summary>
    Task<double[]> CovarianceAsync(double[] centered, int periods, int assets, CancellationToken cancellationToken);
}
