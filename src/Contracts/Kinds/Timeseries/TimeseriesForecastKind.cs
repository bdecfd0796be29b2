using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Timeseries;

/// <summary>Schema of <c>timeseries.forecast</c>.</summary>
public sealed class TimeseriesForecastKind : JobKind<TimeseriesForecastInput>
{
    public const int MinOrder = 1;
    public const int MaxOrder = 32;
    public const int MinHorizon = 1;
    public const int MaxHorizon = 1000;
    public const int MaxSeries = 10_000;
    public const int MaxSeriesLength = 100_000;

    /// <summary>Most points over all series of one job.</summary>
    public const int MaxTotalPoints = 2_000_000;

    /// <summary>Most forecast steps over all series (series × horizon), which bounds the output's size.</summary>
    public const int MaxTotalForecastSteps = 1_000_000;

    /// <summary>Largest |value| of a point, so sums of squares stay far from overflow.</summary>
    public const double MaxAbsValue = 1e15;

    /// <summary>Element checks stop once this many fields are in error.</summary>
    public const int MaxReportedErrors = 20;

    public override string Name => JobKinds.TimeseriesForecast;

    /// <summary>Fewest points a series needs for AR(p): 2p + 2.</summary>
    public static int MinLength(int order) => 2 * order + 2;

    public override void Validate(TimeseriesForecastInput input, ValidationErrors errors)
    {
        var orderOk = input.Order is { } order
            ? errors.Range(".order", order, MinOrder, MaxOrder)
            : Required(errors, ".order");
        var horizonOk = input.Horizon is { } horizon
            ? errors.Range(".horizon", horizon, MinHorizon, MaxHorizon)
            : Required(errors, ".horizon");
        if (errors.Range(".confidence", input.Confidence, 0, 1) && (input.Confidence <= 0 || input.Confidence >= 1))
        {
            errors.Add(".confidence", $"must lie strictly between 0 and 1 (was {input.Confidence}).");
        }
        if (!errors.Length(".series", input.Series, 1, MaxSeries)) return;

        var series = input.Series!;
        if (horizonOk && (long)series.Length * input.Horizon!.Value > MaxTotalForecastSteps)
        {
            errors.Add(".horizon", $"series × horizon may be at most {MaxTotalForecastSteps} (was {(long)series.Length * input.Horizon.Value}).");
        }

        long total = 0;
        for (var i = 0; i < series.Length && errors.Count < MaxReportedErrors; i++)
        {
            var field = $".series[{i}]";
            var values = series[i];
            if (values is null)
            {
                errors.Add(field, "is required.");
                continue;
            }
            var minLength = orderOk ? MinLength(input.Order!.Value) : 2;
            if (values.Length < minLength)
            {
                errors.Add(field, $"needs at least 2p + 2 = {minLength} points for order {input.Order} (had {values.Length}).");
                continue;
            }
            if (values.Length > MaxSeriesLength)
            {
                errors.Add(field, $"may hold at most {MaxSeriesLength} points (had {values.Length}).");
                continue;
            }
            total += values.Length;
            if (total > MaxTotalPoints)
            {
                errors.Add(".series", $"may hold at most {MaxTotalPoints} points in all (exceeded at series {i}).");
                return;
            }
            for (var t = 0; t < values.Length; t++)
            {
                if (!errors.Range($"{field}[{t}]", values[t], -MaxAbsValue, MaxAbsValue)) break;
            }
        }
    }

    private static bool Required(ValidationErrors errors, string field)
    {
        errors.Add(field, "is required.");
        return false;
    }
}
