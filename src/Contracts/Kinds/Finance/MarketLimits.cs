namespace Prism.Contracts.Kinds.Finance;

/// <summary>
/// Magnitude limits on the market figures both finance kinds take (returns, expected returns,
/// covariances), all per period. A return of ±1e6 per period (100,000,000 %) is far past any real
/// market, and with the kinds' other limits (|weight| ≤ 1e3 or 10, ≤ 500 assets, horizon ≤ 1000,
/// portfolio value ≤ 1e15) every sum, square and quantile the engines form stays below ~1e70,
/// nowhere near double's 1.8e308; without them a single 1e300 return overflowed to ±Infinity,
/// which no JSON result can carry.
/// </summary>
public static class MarketLimits
{
    /// <summary>Largest |return| or |expected return| per period.</summary>
    public const double MaxAbsReturn = 1e6;

    /// <summary>Largest |covariance| entry (a variance of (1e6)²).</summary>
    public const double MaxAbsCovariance = 1e12;
}
