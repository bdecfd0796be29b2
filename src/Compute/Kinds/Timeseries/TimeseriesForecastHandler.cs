using Prism.Contracts;
using Prism.Contracts.Kinds.Timeseries;

namespace Prism.Compute.Kinds.Timeseries;

/// <summary><c>timeseries.forecast</c>: flatten on the host, fit and forecast on the engine, build intervals on the host.</summary>
public sealed class TimeseriesForecastHandler(IForecastEngine engine) : KindHandler<TimeseriesForecastInput, TimeseriesForecastOutput>
{
    public override string Kind => JobKinds.TimeseriesForecast;

    protected override async Task<TimeseriesForecastOutput> ExecuteAsync(TimeseriesForecastInput input, CancellationToken cancellationToken)
    {
        int p = input.Order!.Value, horizon = input.Horizon!.Value, width = p + 1;
        var batch = ForecastBatch.From(input.Series!);
        var z = NormalQuantile.TwoSided(input.Confidence);
        var fits = await engine.ForecastAsync(batch, p, horizon, z, cancellationToken).ConfigureAwait(false);

        var forecasts = new SeriesForecast[batch.SeriesCount];
        for (var k = 0; k < forecasts.Length; k++)
        {
            if (fits.Status[k] == ArStatus.Singular)
            {
                throw new JobFailureException(ErrorCodes.SingularFit,
                    $"input.series[{k}]: the AR({p}) normal equations are singular or too ill-conditioned to solve (a constant series, or lags that are exact linear combinations of each other, such as a straight line with p ≥ 2).");
            }
            var mean = fits.Mean.AsSpan(k * horizon, horizon);
            var half = fits.HalfWidth.AsSpan(k * horizon, horizon);
            var lower = new double[horizon];
            var upper = new double[horizon];
            for (var h = 0; h < horizon; h++)
            {
                lower[h] = mean[h] - half[h];
                upper[h] = mean[h] + half[h];
                if (!double.IsFinite(lower[h]) || !double.IsFinite(upper[h]))
                {
                    // JSON has no representation for ±Infinity: an explosive fit that overflows is the input's problem to fix.
                    throw new JobFailureException(ErrorCodes.InvalidInput,
                        $"input.series[{k}]: the fitted AR({p}) model is explosive and its forecast overflows double precision at step {h + 1}; shorten input.horizon.");
                }
            }
            forecasts[k] = new SeriesForecast
            {
                Mean = mean.ToArray(),
                Lower = lower,
                Upper = upper,
                Coefficients = fits.Coefficients.AsSpan(k * width, width).ToArray(),
                Sigma = fits.Sigma[k],
            };
        }
        return new TimeseriesForecastOutput { Forecasts = forecasts };
    }
}
