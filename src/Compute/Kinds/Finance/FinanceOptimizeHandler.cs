using Prism.Contracts;
using Prism.Contracts.Kinds.Finance;

namespace Prism.Compute.Kinds.Finance;

/// <summary>
/// <c>finance.optimize</c>: the covariance of the returns on the engine (when returns are given),
/// the constrained optimisation on the host.
/// </summary>
public sealed class FinanceOptimizeHandler(ICovarianceEngine engine) : KindHandler<FinanceOptimizeInput, FinanceOptimizeOutput>
{
    public override string Kind => JobKinds.FinanceOptimize;

    protected override async Task<FinanceOptimizeOutput> ExecuteAsync(FinanceOptimizeInput input, CancellationToken cancellationToken)
    {
        var symbols = input.Symbols!;
        double[] sigma, mu;
        if (input.Returns is not null)
        {
            var (centered, means) = PortfolioMath.Center(input.Returns);
            sigma = await engine.CovarianceAsync(centered, input.Returns.Length, symbols.Length, cancellationToken).ConfigureAwait(false);
            mu = means;
        }
        else
        {
            sigma = PortfolioMath.Flatten(input.Covariance!);
            mu = input.ExpectedReturns!;
        }

        double[] w;
        try
        {
            w = await ComputeThreads.RunAsync(() => PortfolioOptimizer.Optimize(sigma, mu, input.Objective, input.RiskAversion ?? 0,
                input.MinWeight, input.MaxWeight, input.RiskFreeRate, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new JobFailureException(ErrorCodes.ProcessingFailed, ex.Message);
        }

        var expected = PortfolioMath.Dot(mu, w);
        var risk = Math.Sqrt(Math.Max(0, PortfolioMath.Quadratic(sigma, w)));
        return new FinanceOptimizeOutput
        {
            Weights = [.. symbols.Select((s, i) => new PortfolioWeight { Symbol = s, Weight = w[i] })],
            ExpectedReturn = expected,
            Risk = risk,
            SharpeRatio = risk > 0 ? (expected - input.RiskFreeRate) / risk : 0,
        };
    }
}
