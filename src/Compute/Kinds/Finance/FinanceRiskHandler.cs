using Prism.Contracts;
using Prism.Contracts.Kinds.Finance;

namespace Prism.Compute.Kinds.Finance;

/// <summary><c>finance.risk</c>: the model on the host, the paths on the engine, the exact two-pass statistics on the host.</summary>
public sealed class FinanceRiskHandler(IRiskEngine engine) : KindHandler<FinanceRiskInput, FinanceRiskOutput>
{
    public override string Kind => JobKinds.FinanceRisk;

    protected override Task<FinanceRiskOutput> ExecuteAsync(FinanceRiskInput input, CancellationToken cancellationToken) =>
        RiskStatistics.ComputeAsync(engine, RiskModel.From(input), input.Paths, input.Confidence, cancellationToken);
}
