using System.Text.Json;
using Prism.Contracts.Kinds.Causal;
using Prism.Contracts.Validation;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_transfer_entropy_input
{
    private static readonly CausalTransferEntropyKind Kind = new();

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    [Fact]
    public void It_accepts_a_valid_input_and_applies_defaults()
    {
        var result = Kind.Parse(JsonDocument.Parse("""{"series":[[1,2,3,4],[4,3,2,1]]}""").RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        var input = Assert.IsType<CausalTransferEntropyInput>(result.Input);
        Assert.Equal(1, input.Lag);
        Assert.Equal(8, input.Bins);
    }

    [Theory]
    [InlineData("""{"series":[[1,2,3,4],[1,2,3]]}""", "input.series[1]")]
    [InlineData("""{"series":[[1,2,3,4]]}""", "input.series")]
    [InlineData("""{"series":[]}""", "input.series")]
    [InlineData("""{}""", "input.series")]
    [InlineData("""{"series":[[1,2,3,4],[1,2,3,4]],"lag":0}""", "input.lag")]
    [InlineData("""{"series":[[1,2,3,4],[1,2,3,4]],"lag":3}""", "input.lag")]
    [InlineData("""{"series":[[1,2,3,4],[1,2,3,4]],"bins":1}""", "input.bins")]
    [InlineData("""{"series":[[1,2,3,4],[1,2,3,4]],"bins":33}""", "input.bins")]
    [InlineData("""{"series":[[1,2,3,4],[1,2,1e400,4]]}""", "input.series[1][2]")]
    [InlineData("""{"series":[[1,2,3,4],[1,2,-1e16,4]]}""", "input.series[1][2]")]
    [InlineData("""{"series":[[1],[2]]}""", "input.series[0]")]
    [InlineData("""{"series":[[1,2,3,4],null]}""", "input.series[1]")]
    [InlineData("""{"series":[[1,2,3,4],[1,2,3,4]],"window":3}""", "input.window")]
    public void It_names_the_field_at_fault(string json, string field)
    {
        var errors = Errors(json);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void It_refuses_more_than_the_series_limit()
    {
        var series = Enumerable.Range(0, CausalTransferEntropyKind.MaxSeries + 1).Select(_ => new double[] { 1, 2 }).ToArray();
        var errors = new ValidationErrors();
        Kind.Validate(new CausalTransferEntropyInput { Series = series }, errors);
        Assert.Contains(".series", errors.ToDictionary().Keys);
    }

    [Fact]
    public void It_bounds_the_pair_work()
    {
        // 256 series × 7,800 points is under the point limit but over K·(K−1)·(L−lag).
        var row = new double[7_800];
        var series = Enumerable.Range(0, 256).Select(_ => row).ToArray();
        var errors = new ValidationErrors();
        Kind.Validate(new CausalTransferEntropyInput { Series = series }, errors);
        Assert.Contains("K·(K−1)·(L−lag)", Assert.Single(errors.ToDictionary()[".series"]), StringComparison.Ordinal);
    }
}
