using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Finance;

/// <summary>Schema of <c>finance.optimize</c>.</summary>
public sealed class FinanceOptimizeKind : JobKind<FinanceOptimizeInput>
{
    public const int MaxAssets = 500;
    public const int MinPeriods = 2;
    public const int MaxPeriods = 10_000;
    public const int MaxSymbolLength = 64;
    public const double MinWeightLimit = -10;
    public const double MaxWeightLimit = 10;
    public const double MaxRiskAversion = 1e12;
    public const double MaxAbsRiskFreeRate = 1e6;

    /// <summary>Slack on the feasibility of the bounds (N·maxWeight ≥ 1, N·minWeight ≤ 1) for rounding.</summary>
    public const double BoundsSlack = 1e-12;

    public override string Name => JobKinds.FinanceOptimize;

    public override void Validate(FinanceOptimizeInput input, ValidationErrors errors)
    {
        var n = ValidateSymbols(input.Symbols, errors);
        var objectiveOk = input.Objective is not null && FinanceObjectives.All.Contains(input.Objective);
        if (!objectiveOk) errors.Add(".objective", $"must be one of: {string.Join(", ", FinanceObjectives.All)}.");

        if (input.Objective == FinanceObjectives.MeanVariance && input.RiskAversion is null)
        {
            errors.Add(".riskAversion", "is required for mean_variance.");
        }
        if (input.RiskAversion is { } ra && errors.Range(".riskAversion", ra, 0, MaxRiskAversion) && ra <= 0)
        {
            errors.Add(".riskAversion", "must be greater than 0.");
        }
        errors.Range(".riskFreeRate", input.RiskFreeRate, -MaxAbsRiskFreeRate, MaxAbsRiskFreeRate);

        var boundsOk = errors.Range(".minWeight", input.MinWeight, MinWeightLimit, 1)
            & errors.Range(".maxWeight", input.MaxWeight, 0, MaxWeightLimit);
        if (boundsOk && input.MinWeight > input.MaxWeight)
        {
            errors.Add(".minWeight", $"must not exceed maxWeight ({input.MaxWeight}).");
            boundsOk = false;
        }
        if (boundsOk && n > 0)
        {
            if (n * input.MaxWeight < 1 - BoundsSlack)
            {
                errors.Add(".maxWeight", $"is infeasible: {n} symbols × maxWeight {input.MaxWeight} < 1, so the weights cannot sum to 1.");
                boundsOk = false;
            }
            if (n * input.MinWeight > 1 + BoundsSlack)
            {
                errors.Add(".minWeight", $"is infeasible: {n} symbols × minWeight {input.MinWeight} > 1, so the weights cannot sum to 1.");
                boundsOk = false;
            }
        }

        if (n == 0) return;
        var mu = ValidateMarket(input, n, errors);
        if (mu is not null && boundsOk && objectiveOk && input.Objective == FinanceObjectives.MaximizeSharpe)
        {
            var best = MaxReturn(mu, input.MinWeight, input.MaxWeight);
            if (!(best > input.RiskFreeRate))
            {
                errors.Add(".riskFreeRate", $"maximize_sharpe needs a portfolio whose expected return exceeds riskFreeRate; the highest these bounds allow is {best}.");
            }
        }
    }

    /// <summary>
    /// The highest expected return with weights in [lo, hi] summing to 1: everything at lo, then the
    /// remainder poured into the best symbols first.
    /// </summary>
    public static double MaxReturn(IReadOnlyList<double> expectedReturns, double lo, double hi)
    {
        ArgumentNullException.ThrowIfNull(expectedReturns);
        var order = Enumerable.Range(0, expectedReturns.Count).OrderByDescending(i => expectedReturns[i]).ToArray();
        var left = 1 - expectedReturns.Count * lo;
        var total = 0.0;
        foreach (var i in order)
        {
            var extra = Math.Clamp(left, 0, hi - lo);
            total += expectedReturns[i] * (lo + extra);
            left -= extra;
        }
        return total;
    }

    /// <summary>Column means of <paramref name="returns"/> (the expected returns when returns are given).</summary>
    public static double[] MeanReturns(double[][] returns, int n)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var mean = new double[n];
        foreach (var row in returns)
            for (var j = 0; j < n; j++) mean[j] += row[j];
        for (var j = 0; j < n; j++) mean[j] /= returns.Length;
        return mean;
    }

    private static int ValidateSymbols(string[]? symbols, ValidationErrors errors)
    {
        if (!errors.Length(".symbols", symbols, 1, MaxAssets)) return 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < symbols!.Length; i++)
        {
            var s = symbols[i];
            if (string.IsNullOrWhiteSpace(s) || s.Length > MaxSymbolLength)
            {
                errors.Add($".symbols[{i}]", $"must be a non-blank string of at most {MaxSymbolLength} characters.");
                return 0;
            }
            if (!seen.Add(s))
            {
                errors.Add($".symbols[{i}]", $"'{s}' appears more than once.");
                return 0;
            }
        }
        return symbols.Length;
    }

    // Returns the expected returns when the market data is valid, else null.
    private static double[]? ValidateMarket(FinanceOptimizeInput input, int n, ValidationErrors errors)
    {
        if (input.Returns is not null)
        {
            if (input.ExpectedReturns is not null || input.Covariance is not null)
            {
                errors.Add(".returns", "give either returns or expectedReturns + covariance, not both.");
                return null;
            }
            if (!errors.Length(".returns", input.Returns, MinPeriods, MaxPeriods)) return null;
            for (var t = 0; t < input.Returns.Length; t++)
            {
                var row = input.Returns[t];
                if (row is null || row.Length != n)
                {
                    errors.Add($".returns[{t}]", $"must hold {n} values (one per symbol).");
                    return null;
                }
                if (!errors.AllWithin($".returns[{t}]", row, MarketLimits.MaxAbsReturn)) return null;
            }
            return MeanReturns(input.Returns, n);
        }

        if (input.ExpectedReturns is null && input.Covariance is null)
        {
            errors.Add(".returns", "is required (or expectedReturns + covariance).");
            return null;
        }
        var ok = errors.Length(".expectedReturns", input.ExpectedReturns, n, n) && errors.AllWithin(".expectedReturns", input.ExpectedReturns!, MarketLimits.MaxAbsReturn);
        if (!CovarianceRules.ValidateSymmetric(errors, ".covariance", input.Covariance, n)) return null;
        if (CovarianceRules.Cholesky(input.Covariance!, CovarianceRules.RidgeFor(input.Covariance!), 0) is null)
        {
            errors.Add(".covariance", "must be positive semidefinite.");
            return null;
        }
        return ok ? input.ExpectedReturns : null;
    }
}
