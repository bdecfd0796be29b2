namespace Prism.Contracts.Kinds.Timeseries;

/// <summary>A series' fitted AR(p) model and its forecast with prediction intervals.</summary>
public sealed record SeriesForecast
{
    /// <summary>Point forecasts for steps 1..horizon after the last observation.</summary>
    public required double[] Mean { get; init; }
    public required double[] Lower { get; init; }
    public required double[] Upper { get; init; }

    /// <summary>[intercept, φ1, …, φp].</summary>
    public required double[] Coefficients { get; init; }

    /// <summary>Residual standard deviation (divisor n − p − 1, n = regression rows).</summary>
    public required double Sigma { get; init; }
}
