namespace Prism.Contracts.Kinds.Timeseries;

/// <summary>Output of <c>timeseries.forecast</c>: one forecast per input series, in input order.</summary>
public sealed record TimeseriesForecastOutput
{
    public required SeriesForecast[] Forecasts { get; init; }
}
