namespace Prism.Compute.Kinds.Timeseries;

/// <summary>Outcome of one series' fit, as the engines report it.</summary>
public static class ArStatus
{
    public const int Ok = 0;

    /// <summary>The normal equations are singular or too ill-conditioned to trust (see <see cref="ArMath"/>).</summary>
    public const int Singular = 1;
}
