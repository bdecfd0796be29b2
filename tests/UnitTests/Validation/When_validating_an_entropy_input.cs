using System.Text.Json;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_an_entropy_input
{
    private static readonly PixelsEntropyKind Kind = new();

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    [Fact]
    public void It_accepts_a_valid_frame_and_applies_defaults()
    {
        var result = Kind.Parse(JsonDocument.Parse("""{"width":2,"height":1,"pixels":[5,6]}""").RootElement);
        Assert.True(result.IsValid);
        var input = Assert.IsType<PixelsEntropyInput>(result.Input);
        Assert.Equal(7, input.Window);
        Assert.Equal(32, input.Bins);
    }

    [Theory]
    [InlineData("""{"width":2,"height":2,"pixels":[1,2,3]}""", "input.pixels")]
    [InlineData("""{"width":0,"height":2,"pixels":[]}""", "input.width")]
    [InlineData("""{"width":2,"height":5000,"pixels":[1]}""", "input.height")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"window":4}""", "input.window")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"window":65}""", "input.window")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"bins":1}""", "input.bins")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"bins":257}""", "input.bins")]
    [InlineData("""{"width":2,"height":1}""", "input.pixels")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,-2]}""", "input.pixels[1]")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,65536]}""", "input.pixels[1]")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2.5]}""", "input.pixels[1]")]
    [InlineData("""{"width":"2","height":1,"pixels":[1,2]}""", "input.width")]
    [InlineData("""{"width":2,"height":1,"pixels":[1,2],"colour":"red"}""", "input.colour")]
    [InlineData("""{"width":1e400,"height":1,"pixels":[1]}""", "input.width")]
    public void It_names_the_field_at_fault(string json, string field)
    {
        var errors = Errors(json);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void It_refuses_a_frame_above_the_pixel_limit()
    {
        var errors = Kind.Parse(JsonSerializer.SerializeToElement(new { width = 4096, height = 4096, pixels = Array.Empty<int>() })).Errors.ToDictionary();
        Assert.Contains("at most", Assert.Single(errors["input.pixels"]), StringComparison.Ordinal);
    }

    [Fact]
    public void It_refuses_input_that_is_not_an_object()
    {
        Assert.Contains("input", Errors("[1,2,3]").Keys);
    }
}
