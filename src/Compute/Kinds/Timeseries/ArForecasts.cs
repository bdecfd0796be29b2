namespace Prism.Compute.Kinds.Timeseries;

/// <summary>
/// What an engine returns for a batch of K series, order p, horizon H: per series its
/// <see cref="ArStatus"/>, p + 1 coefficients [intercept, φ1..φp], σ, and H means and H interval
/// half-widths (z·σ·√Σψ²).
/// </summary>
public sealed record ArForecasts(int[] Status, double[] Coefficients, double[] Sigma, double[] Mean, double[] HalfWidth);
