namespace Prism.Contracts.Kinds.Timeseries;

/// <summary>Input of <c>timeseries.forecast</c>: series to fit an AR(p) model to and forecast.</summary>
public sealed record TimeseriesForecastInput
{
    /// <summary>The series, each in time order.</summary>
    public double[][]? Series { get; init; }

    /// <summary>AR order p, 1..32.</summary>
    public int? Order { get; init; }

    /// <summary>Steps to forecast, 1..1000.</summary>
    public int? Horizon { get; init; }

    /// <summary>Two-sided coverage of the prediction intervals, strictly between 0 and 1.</summary>
    public double Confidence { get; init; } = 0.95;
}
