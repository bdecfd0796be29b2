namespace Prism.Compute.Kinds.Timeseries;

/// <summary>The heavy part of <c>timeseries.forecast</c>: fit AR(p) to every series and forecast it.</summary>
public interface IForecastEngine
{
    /// <summary>Fits AR(<paramref name="order"/>) to each series and forecasts <paramref name="horizon"/> steps; <paramref name="z"/> is the two-sided normal quantile of the confidence level.</summary>
    Task<ArForecasts> ForecastAsync(ForecastBatch batch, int order, int horizon, double z, CancellationToken cancellationToken);
}
