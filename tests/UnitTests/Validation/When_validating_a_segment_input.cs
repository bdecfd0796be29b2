using System.Text.Json;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_segment_input
{
    private static readonly PixelsSegmentKind Kind = new();

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    [Fact]
    public void It_accepts_a_valid_frame_and_applies_defaults()
    {
        var result = Kind.Parse(JsonDocument.Parse("""{"width":2,"height":1,"pixels":[5,6],"threshold":6}""").RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        var input = Assert.IsType<PixelsSegmentInput>(result.Input);
        Assert.Equal(6, input.Threshold);
        Assert.Equal(1, input.MinObjectSize);
        Assert.Equal(8, input.Connectivity);
        Assert.Equal(PixelsSegmentKind.DefaultMaxObjects, input.MaxObjects);
    }

    [Theory]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2]}""", "input.threshold")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"threshold":-1}""", "input.threshold")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"threshold":65536}""", "input.threshold")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"threshold":1e400}""", "input.threshold")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"threshold":1,"connectivity":6}""", "input.connectivity")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"threshold":1,"minObjectSize":0}""", "input.minObjectSize")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"threshold":1,"maxObjects":0}""", "input.maxObjects")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"threshold":1,"maxObjects":100001}""", "input.maxObjects")]
    [InlineData("""{"width":2,"height":2,"pixels":[1,2,3],"threshold":1}""", "input.pixels")]
    [InlineData("""{"width":-2,"height":2,"pixels":[1,2,3,4],"threshold":1}""", "input.width")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,70000],"threshold":1}""", "input.pixels[1]")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"threshold":1,"connectivty":4}""", "input.connectivty")]
    public void It_names_the_field_at_fault(string json, string field)
    {
        Assert.Contains(field, Errors(json).Keys);
    }

    [Fact]
    public void It_reports_every_broken_rule_at_once()
    {
        var errors = Errors("""{"width":2,"height":1,"pixels":[1,2],"threshold":70000,"connectivity":5,"minObjectSize":0}""");
        Assert.Equal(["input.connectivity", "input.minObjectSize", "input.threshold"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
