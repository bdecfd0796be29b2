using System.Text.Json;
using Prism.Contracts.Kinds.Timeseries;
using Prism.Contracts.Validation;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_forecast_input
{
    private static readonly TimeseriesForecastKind Kind = new();

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    [Fact]
    public void It_accepts_a_valid_input_and_defaults_the_confidence()
    {
        var result = Kind.Parse(JsonDocument.Parse("""{"series":[[1,2,3,4.5]],"order":1,"horizon":3}""").RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        Assert.Equal(0.95, Assert.IsType<TimeseriesForecastInput>(result.Input).Confidence);
    }

    [Theory]
    [InlineData("""{"series":[[1,2,3,4,5,6],[1,2,3,4,5,6],[1,2,3,4,5]],"order":2,"horizon":3}""", "input.series[2]")]
    [InlineData("""{"series":[[1,2,3,4]],"order":0,"horizon":3}""", "input.order")]
    [InlineData("""{"series":[[1,2,3,4]],"order":33,"horizon":3}""", "input.order")]
    [InlineData("""{"series":[[1,2,3,4]],"horizon":3}""", "input.order")]
    [InlineData("""{"series":[[1,2,3,4]],"order":1}""", "input.horizon")]
    [InlineData("""{"series":[[1,2,3,4]],"order":1,"horizon":0}""", "input.horizon")]
    [InlineData("""{"series":[[1,2,3,4]],"order":1,"horizon":1001}""", "input.horizon")]
    [InlineData("""{"series":[[1,2,3,4]],"order":1,"horizon":3,"confidence":0}""", "input.confidence")]
    [InlineData("""{"series":[[1,2,3,4]],"order":1,"horizon":3,"confidence":1}""", "input.confidence")]
    [InlineData("""{"series":[[1,2,3,4]],"order":1,"horizon":3,"confidence":1.5}""", "input.confidence")]
    [InlineData("""{"series":[[1,2,3,1e400]],"order":1,"horizon":3}""", "input.series[0][3]")]
    [InlineData("""{"series":[[1,2,3,1e16]],"order":1,"horizon":3}""", "input.series[0][3]")]
    [InlineData("""{"series":[],"order":1,"horizon":3}""", "input.series")]
    [InlineData("""{"order":1,"horizon":3}""", "input.series")]
    [InlineData("""{"series":[[1,2,3,4],null],"order":1,"horizon":3}""", "input.series[1]")]
    [InlineData("""{"series":[[1,2,3,"4"]],"order":1,"horizon":3}""", "input.series[0][3]")]
    [InlineData("""{"series":[[1,2,3,4]],"order":1,"horizon":3,"lags":2}""", "input.lags")]
    public void It_names_the_field_at_fault(string json, string field)
    {
        var errors = Errors(json);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void It_says_how_many_points_the_order_needs()
    {
        var message = Assert.Single(Errors("""{"series":[[1,2,3,4,5,6,7]],"order":3,"horizon":3}""")["input.series[0]"]);
        Assert.Contains("8", message, StringComparison.Ordinal);
    }

    [Fact]
    public void It_bounds_series_times_horizon()
    {
        var series = Enumerable.Range(0, 1001).Select(_ => new double[] { 1, 2, 3, 4 }).ToArray();
        var errors = new ValidationErrors();
        Kind.Validate(new TimeseriesForecastInput { Series = series, Order = 1, Horizon = 1000 }, errors);
        Assert.Contains(".horizon", errors.ToDictionary().Keys);
    }

    [Fact]
    public void It_bounds_the_total_number_of_points()
    {
        var longSeries = new double[TimeseriesForecastKind.MaxSeriesLength];
        var series = Enumerable.Range(0, TimeseriesForecastKind.MaxTotalPoints / TimeseriesForecastKind.MaxSeriesLength + 1).Select(_ => longSeries).ToArray();
        var errors = new ValidationErrors();
        Kind.Validate(new TimeseriesForecastInput { Series = series, Order = 1, Horizon = 1 }, errors);
        Assert.Contains("at most", Assert.Single(errors.ToDictionary()[".series"]), StringComparison.Ordinal);
    }
}
