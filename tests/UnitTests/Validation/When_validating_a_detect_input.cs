using System.Text.Json;
using Prism.Contracts.Kinds.Pwsa;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_detect_input
{
    private static readonly PwsaDetectKind Kind = new();

    private static string Body(string svId = "\"SV-1\"", string timestamp = "\"2025-03-01T12:00:00Z\"", string frame = """{"width":2,"height":1,"pixels":[5,6]}""", string extra = "") =>
        $$"""{"svId":{{svId}},"timestamp":{{timestamp}},"irFrame":{{frame}},"threshold":6{{extra}}}""";

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    [Theory]
    [InlineData("2025-03-01T12:00:00Z")]
    [InlineData("2025-03-01T12:00:00.250Z")]
    [InlineData("2025-03-01T12:00:00.1234567+05:30")]
    [InlineData("2024-02-29T23:59:59-08:00")]
    public void It_accepts_a_valid_input_and_applies_defaults(string timestamp)
    {
        var result = Kind.Parse(JsonDocument.Parse(Body(timestamp: $"\"{timestamp}\"")).RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        var input = Assert.IsType<PwsaDetectInput>(result.Input);
        Assert.Equal(1, input.MinObjectSize);
        Assert.Equal(PwsaDetectKind.DefaultMaxDetections, input.MaxDetections);
        Assert.Equal(timestamp, input.Timestamp);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"SV 1\"")]
    [InlineData("\"SV-1\\n\"")]
    [InlineData("\"ÄSV\"")]
    [InlineData("\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"")] // 65
    public void It_refuses_a_bad_svId(string svId)
    {
        Assert.Contains("input.svId", Errors(Body(svId: svId)).Keys);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2025-02-30T00:00:00Z\"")]          // no such day
    [InlineData("\"2025-03-01T24:00:00Z\"")]
    [InlineData("\"2025-03-01 12:00:00Z\"")]          // space instead of T
    [InlineData("\"2025-03-01T12:00:00\"")]           // no offset
    [InlineData("\"2025-03-01\"")]
    [InlineData("\"2025-03-01T12:00:00.12345678Z\"")] // more than 7 fraction digits
    [InlineData("\"2025-03-01T12:00:00+15:00\"")]     // offset beyond ±14:00
    [InlineData("\"2025-03-01T12:00:00Z\\n\"")]
    [InlineData("1740830400")]
    public void It_refuses_a_timestamp_that_is_not_iso_8601(string timestamp)
    {
        Assert.Contains("input.timestamp", Errors(Body(timestamp: timestamp)).Keys);
    }

    [Theory]
    [InlineData("null", "input.irFrame")]
    [InlineData("""{"width":2,"height":2,"pixels":[5,6]}""", "input.irFrame.pixels")]
    [InlineData("""{"width":0,"height":1,"pixels":[]}""", "input.irFrame.width")]
    [InlineData("""{"width":2,"height":5000,"pixels":[5,6]}""", "input.irFrame.height")]
    [InlineData("""{"width":2,"height":1}""", "input.irFrame.pixels")]
    [InlineData("""{"width":2,"height":1,"pixels":[5,-6]}""", "input.irFrame.pixels[1]")]
    [InlineData("""{"width":2,"height":1,"pixels":[5,6],"depth":3}""", "input.irFrame.depth")]
    public void It_names_the_frame_field_at_fault(string frame, string field)
    {
        Assert.Contains(field, Errors(Body(frame: frame)).Keys);
    }

    [Theory]
    [InlineData(""","threshold":70000""", "input.threshold")]
    [InlineData(""","minObjectSize":0""", "input.minObjectSize")]
    [InlineData(""","maxDetections":0""", "input.maxDetections")]
    [InlineData(""","maxDetections":10001""", "input.maxDetections")]
    public void It_names_the_other_fields_at_fault(string extra, string field)
    {
        // A second "threshold" overrides the first: System.Text.Json keeps the last value.
        Assert.Contains(field, Errors(Body(extra: extra)).Keys);
    }

    [Fact]
    public void It_requires_a_threshold()
    {
        var errors = Errors("""{"svId":"SV-1","timestamp":"2025-03-01T12:00:00Z","irFrame":{"width":1,"height":1,"pixels":[5]}}""");
        Assert.Equal(["input.threshold"], errors.Keys);
    }
}
