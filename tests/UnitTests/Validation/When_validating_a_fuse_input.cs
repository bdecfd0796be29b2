using System.Text.Json;
using Prism.Contracts.Kinds.Pwsa;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_fuse_input
{
    private static readonly PwsaFuseKind Kind = new();

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    [Fact]
    public void It_accepts_a_valid_input()
    {
        var result = Kind.Parse(JsonDocument.Parse("""{"processNoise":0.1,"measurementNoise":2,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[1,2,3]},{"t":1,"position":[1,2,3]}]}]}""").RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        var input = Assert.IsType<PwsaFuseInput>(result.Input);
        Assert.Equal(2, input.Tracks![0].Measurements!.Length);
    }

    [Theory]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[0,0,0]}]},{"trackId":"b","measurements":[{"t":0,"position":[0,0,0]},{"t":2,"position":[0,0,0]},{"t":1,"position":[0,0,0]}]}]}""", "input.tracks[1].measurements[2].t")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"t":5,"position":[0,0,0]},{"t":5,"position":[0,0,0]}]}]}""", "input.tracks[0].measurements[1].t")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"position":[0,0,0]}]}]}""", "input.tracks[0].measurements[0].t")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[0,0]}]}]}""", "input.tracks[0].measurements[0].position")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[0,1e400,0]}]}]}""", "input.tracks[0].measurements[0].position[1]")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[0,1e13,0]}]}]}""", "input.tracks[0].measurements[0].position[1]")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[]}]}""", "input.tracks[0].measurements")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"measurements":[{"t":0,"position":[0,0,0]}]}]}""", "input.tracks[0].trackId")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[]}""", "input.tracks")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1}""", "input.tracks")]
    [InlineData("""{"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[0,0,0]}]}]}""", "input.processNoise")]
    [InlineData("""{"processNoise":0,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[0,0,0]}]}]}""", "input.processNoise")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":-1,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[0,0,0]}]}]}""", "input.measurementNoise")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1e400,"tracks":[{"trackId":"a","measurements":[{"t":0,"position":[0,0,0]}]}]}""", "input.measurementNoise")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","measurements":[{"t":1e11,"position":[0,0,0]}]}]}""", "input.tracks[0].measurements[0].t")]
    [InlineData("""{"processNoise":0.1,"measurementNoise":1,"tracks":[{"trackId":"a","velocity":[1]}]}""", "input.tracks[0].velocity")]
    public void It_names_the_field_at_fault(string json, string field)
    {
        var errors = Errors(json);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void It_names_the_track_whose_times_do_not_increase()
    {
        var errors = Errors("""{"processNoise":1,"measurementNoise":1,"tracks":[{"trackId":"sat-7","measurements":[{"t":3,"position":[0,0,0]},{"t":2,"position":[0,0,0]}]}]}""");
        var message = Assert.Single(errors["input.tracks[0].measurements[1].t"]);
        Assert.Contains("'sat-7'", message, StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Fact]
    public void It_refuses_more_measurements_than_a_track_may_hold()
    {
        var measurements = Enumerable.Range(0, PwsaFuseKind.MaxMeasurementsPerTrack + 1)
            .Select(j => new FuseMeasurement { T = j, Position = [0, 0, 0] }).ToArray();
        var errors = new Prism.Contracts.Validation.ValidationErrors();
        Kind.Validate(new PwsaFuseInput { ProcessNoise = 1, MeasurementNoise = 1, Tracks = [new FuseTrack { TrackId = "a", Measurements = measurements }] }, errors);
        Assert.Contains(".tracks[0].measurements", errors.ToDictionary().Keys);
    }

    [Fact]
    public void It_refuses_more_measurements_in_all_than_the_job_limit()
    {
        var perTrack = Enumerable.Range(0, PwsaFuseKind.MaxMeasurementsPerTrack)
            .Select(j => new FuseMeasurement { T = j, Position = [0, 0, 0] }).ToArray();
        var tracks = Enumerable.Range(0, PwsaFuseKind.MaxTotalMeasurements / PwsaFuseKind.MaxMeasurementsPerTrack + 1)
            .Select(k => new FuseTrack { TrackId = $"t{k}", Measurements = perTrack }).ToArray();
        var errors = new Prism.Contracts.Validation.ValidationErrors();
        Kind.Validate(new PwsaFuseInput { ProcessNoise = 1, MeasurementNoise = 1, Tracks = tracks }, errors);
        Assert.Contains("at most", Assert.Single(errors.ToDictionary()[".tracks"]), StringComparison.Ordinal);
    }

    [Fact]
    public void It_stops_listing_errors_after_the_reporting_limit()
    {
        var measurements = Enumerable.Range(0, 1000).Select(j => new FuseMeasurement { T = j, Position = [0, 0] }).ToArray();
        var errors = new Prism.Contracts.Validation.ValidationErrors();
        Kind.Validate(new PwsaFuseInput { ProcessNoise = 1, MeasurementNoise = 1, Tracks = [new FuseTrack { TrackId = "a", Measurements = measurements }] }, errors);
        Assert.Equal(PwsaFuseKind.MaxReportedErrors, errors.Count);
    }
}
