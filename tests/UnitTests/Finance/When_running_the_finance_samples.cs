using System.Text.Json;
using Prism.Compute.Kinds.Finance;
using Prism.Contracts.Kinds.Finance;

namespace Prism.UnitTests.Finance;

public sealed class When_running_the_finance_samples
{
    public static JsonElement Sample(string kind) => JsonDocument.Parse(File.ReadAllText(Repository.Sample(kind))).RootElement;

    [Fact]
    public async Task The_optimize_sample_is_valid_and_gives_a_diversified_answer()
    {
        var parsed = new FinanceOptimizeKind().Parse(Sample("finance.optimize"));
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        var input = (FinanceOptimizeInput)parsed.Input!;
        var output = (FinanceOptimizeOutput)await new FinanceOptimizeHandler(new CovarianceCpuEngine()).ExecuteAsync(input, CancellationToken.None);

        Assert.Equal(1.0, output.Weights.Sum(w => w.Weight), 12);
        Assert.True(output.Weights.Count(w => w.Weight > 0.01) >= 3, "the sample should hold several symbols");
        Assert.True(output.SharpeRatio > 0);
        // The tangency portfolio beats minimum risk on Sharpe ratio.
        var minRisk = (FinanceOptimizeOutput)await new FinanceOptimizeHandler(new CovarianceCpuEngine()).ExecuteAsync(input with { Objective = FinanceObjectives.MinimizeRisk }, CancellationToken.None);
        Assert.True(output.SharpeRatio > minRisk.SharpeRatio);
        Assert.True(output.Risk > minRisk.Risk);
    }

    [Fact]
    public async Task The_risk_sample_is_valid_and_has_a_losing_tail()
    {
        var parsed = new FinanceRiskKind().Parse(Sample("finance.risk"));
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        var output = (FinanceRiskOutput)await new FinanceRiskHandler(new RiskCpuEngine()).ExecuteAsync(parsed.Input!, CancellationToken.None);
        Assert.True(output.Var > 0);
        Assert.True(output.Cvar > output.Var);
        Assert.True(output.MeanLoss < 0); // positive expected returns: the average path gains
        Assert.Equal(200_000, output.Paths);
    }
}
