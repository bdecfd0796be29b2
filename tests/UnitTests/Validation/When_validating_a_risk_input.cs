using System.Text.Json;
using Prism.Contracts.Kinds.Finance;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_risk_input
{
    private static readonly FinanceRiskKind Kind = new();

    private const string Portfolio = "\"weights\":[0.6,0.4],\"expectedReturns\":[0.001,0.0005],\"covariance\":[[0.0004,0.0001],[0.0001,0.0002]]";

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    [Fact]
    public void It_accepts_a_valid_input_and_applies_defaults()
    {
        var result = Kind.Parse(JsonDocument.Parse("{" + Portfolio + "}").RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        var input = Assert.IsType<FinanceRiskInput>(result.Input);
        Assert.Equal(1, input.Horizon);
        Assert.Equal(0.99, input.Confidence);
        Assert.Equal(100_000, input.Paths);
        Assert.Equal(1, input.PortfolioValue);
    }

    [Theory]
    [InlineData("""{"weights":[0.6,0.4],"expectedReturns":[0.001],"covariance":[[0.0004,0.0001],[0.0001,0.0002]]}""", "input.expectedReturns")]
    [InlineData("""{"weights":[0.6,0.4],"expectedReturns":[0.001,0.0005],"covariance":[[0.0004,0.0002],[0.0002,0.0001]]}""", "input.covariance")]
    [InlineData("""{"weights":[0.6,0.4],"expectedReturns":[0.001,0.0005],"covariance":[[0.0004,0.0002],[0.0002,0.0001]],"paths":10}""", "input.covariance")]
    [InlineData("""{"weights":[0.6,0.4],"expectedReturns":[0.001,0.0005],"covariance":[[0.0004,0.0003],[0.0001,0.0002]]}""", "input.covariance[0][1]")]
    [InlineData("""{"weights":[],"expectedReturns":[],"covariance":[]}""", "input.weights")]
    [InlineData("""{"weights":[0.6,1e400],"expectedReturns":[0.001,0.0005],"covariance":[[0.0004,0.0001],[0.0001,0.0002]]}""", "input.weights[1]")]
    public void It_names_the_field_at_fault(string json, string field)
    {
        Assert.Contains(field, Errors(json).Keys);
    }

    [Theory]
    [InlineData("\"horizon\":0", "input.horizon")]
    [InlineData("\"horizon\":1001", "input.horizon")]
    [InlineData("\"confidence\":1", "input.confidence")]
    [InlineData("\"confidence\":0.3", "input.confidence")]
    [InlineData("\"paths\":0", "input.paths")]
    [InlineData("\"paths\":100000001", "input.paths")]
    [InlineData("\"paths\":100000000,\"horizon\":600", "input.paths")]
    [InlineData("\"portfolioValue\":0", "input.portfolioValue")]
    [InlineData("\"seed\":1.5", "input.seed")]
    public void It_checks_the_simulation_settings(string setting, string field)
    {
        Assert.Contains(field, Errors("{" + Portfolio + "," + setting + "}").Keys);
    }

    [Fact]
    public void Its_work_is_capped_at_the_documented_normal_draws()
    {
        // The hostile-client probe's job: 20,000,000 paths × 1,000 periods × 1 asset = 2e10 draws, ~24 min on the CPU engine.
        const string oneAsset = "\"weights\":[1],\"expectedReturns\":[0.001],\"covariance\":[[0.0004]]";
        var errors = Errors("{" + oneAsset + ",\"paths\":20000000,\"horizon\":1000}");
        Assert.True(errors.ContainsKey("input.paths"), string.Join("; ", errors.Keys));
        Assert.Contains("paths × horizon × assets", string.Join(" ", errors["input.paths"]), StringComparison.Ordinal);
        // Exactly the budget (2 assets × 1000 periods × 2,000,000 paths = 4e9) is accepted.
        Assert.Equal(4e9, FinanceRiskKind.MaxDraws);
        Assert.Empty(Errors("{" + Portfolio + ",\"paths\":2000000,\"horizon\":1000}"));
        Assert.Contains("input.paths", Errors("{" + Portfolio + ",\"paths\":2000001,\"horizon\":1000}").Keys);
    }

    [Fact]
    public void It_says_why_a_semidefinite_covariance_is_refused()
    {
        // Perfectly correlated: positive semidefinite, not definite.
        var errors = Errors("""{"weights":[0.6,0.4],"expectedReturns":[0.001,0.0005],"covariance":[[0.04,0.02],[0.02,0.01]]}""");
        Assert.Contains("positive definite", Assert.Single(errors["input.covariance"]), StringComparison.Ordinal);
    }
}
