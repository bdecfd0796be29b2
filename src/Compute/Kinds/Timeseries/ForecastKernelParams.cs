namespace Prism.Compute.Kinds.Timeseries;

/// <summary>Scalars of <see cref="ForecastKernels.FitAndForecast"/>, passed by value.</summary>
public readonly record struct ForecastKernelParams(int Order, int Horizon, double Z);
