using System.Text.Json;
using Prism.Contracts.Kinds.Finance;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_portfolio_input
{
    private static readonly FinanceOptimizeKind Kind = new();

    private const string Market = "\"expectedReturns\":[0.01,0.02],\"covariance\":[[0.04,0.001],[0.001,0.01]]";

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    [Fact]
    public void It_accepts_a_valid_input_and_applies_defaults()
    {
        var result = Kind.Parse(JsonDocument.Parse($$"""{"symbols":["A","B"],{{Market}}}""").RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        var input = Assert.IsType<FinanceOptimizeInput>(result.Input);
        Assert.Equal(FinanceObjectives.MinimizeRisk, input.Objective);
        Assert.Equal(0, input.MinWeight);
        Assert.Equal(1, input.MaxWeight);
        Assert.Equal(0, input.RiskFreeRate);
    }

    [Fact]
    public void It_accepts_returns_instead_of_moments()
    {
        Assert.Empty(Errors("""{"symbols":["A","B"],"returns":[[0.01,0.02],[0.03,-0.01]],"objective":"maximize_sharpe"}"""));
    }

    [Theory]
    [InlineData("""{"symbols":["A","A"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]]}""", "input.symbols[1]")]
    [InlineData("""{"symbols":[],"returns":[[1],[2]]}""", "input.symbols")]
    [InlineData("""{"symbols":["A","B"]}""", "input.returns")]
    [InlineData("""{"symbols":["A","B"],"returns":[[0.01,0.02],[0.03]]}""", "input.returns[1]")]
    [InlineData("""{"symbols":["A","B"],"returns":[[0.01,0.02]]}""", "input.returns")]
    [InlineData("""{"symbols":["A","B"],"returns":[[0.01,0.02],[0.01,1e400]]}""", "input.returns[1][1]")]
    [InlineData("""{"symbols":["A","B"],"returns":[[0.01,0.02],[0.03,0.01]],"expectedReturns":[0.01,0.02]}""", "input.returns")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01],"covariance":[[0.04,0],[0,0.01]]}""", "input.expectedReturns")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0.002],[0,0.01]]}""", "input.covariance[0][1]")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0.05],[0.05,0.01]]}""", "input.covariance")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[-0.04,0],[0,0.01]]}""", "input.covariance[0][0]")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0]]}""", "input.covariance")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]],"objective":"max_return"}""", "input.objective")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]],"objective":"mean_variance"}""", "input.riskAversion")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]],"objective":"mean_variance","riskAversion":0}""", "input.riskAversion")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]],"maxWeight":0.4}""", "input.maxWeight")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]],"minWeight":0.6}""", "input.minWeight")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]],"minWeight":0.5,"maxWeight":0.4}""", "input.minWeight")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]],"objective":"maximize_sharpe","riskFreeRate":0.03}""", "input.riskFreeRate")]
    [InlineData("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0],[0,0.01]],"leverage":2}""", "input.leverage")]
    public void It_names_the_field_at_fault(string json, string field)
    {
        var errors = Errors(json);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void It_explains_infeasible_bounds()
    {
        var errors = Errors($$"""{"symbols":["A","B"],{{Market}},"maxWeight":0.4}""");
        Assert.Contains("cannot sum to 1", Assert.Single(errors["input.maxWeight"]), StringComparison.Ordinal);
    }

    [Fact]
    public void It_accepts_a_semidefinite_covariance()
    {
        // Perfectly correlated assets: singular but positive semidefinite.
        Assert.Empty(Errors("""{"symbols":["A","B"],"expectedReturns":[0.01,0.02],"covariance":[[0.04,0.02],[0.02,0.01]]}"""));
    }

    [Fact]
    public void It_computes_the_best_return_the_bounds_allow()
    {
        // 0.1 each at the floor, then 0.5 to the best and the remaining 0.2 to the second best.
        Assert.Equal(0.1 * 0.01 + 0.6 * 0.05 + 0.3 * 0.03, FinanceOptimizeKind.MaxReturn([0.01, 0.05, 0.03], 0.1, 0.6), 15);
    }
}
