using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Causal;

/// <summary>Schema of <c>causal.transfer-entropy</c>.</summary>
public sealed class CausalTransferEntropyKind : JobKind<CausalTransferEntropyInput>
{
    public const int MinSeries = 2;
    public const int MaxSeries = 256;
    public const int MinLength = 2;
    public const int MaxLength = 100_000;

    /// <summary>Most points over all series (K·L).</summary>
    public const int MaxTotalPoints = 2_000_000;

    /// <summary>Most pair-samples K·(K−1)·(L−lag): the work of one job.</summary>
    public const long MaxPairSamples = 500_000_000;

    public const int MinBins = 2;
    public const int MaxBins = 32;

    /// <summary>Largest |value|, so max − min cannot overflow.</summary>
    public const double MaxAbsValue = 1e15;

    /// <summary>Element checks stop once this many fields are in error.</summary>
    public const int MaxReportedErrors = 20;

    public override string Name => JobKinds.CausalTransferEntropy;

    public override void Validate(CausalTransferEntropyInput input, ValidationErrors errors)
    {
        errors.Range(".bins", input.Bins, MinBins, MaxBins);
        if (!errors.Length(".series", input.Series, MinSeries, MaxSeries)) return;
        var series = input.Series!;
        if (series[0] is null)
        {
            errors.Add(".series[0]", "is required.");
            return;
        }

        var length = series[0].Length;
        if (!errors.Range(".series[0]", length, MinLength, MaxLength)) return;
        if ((long)series.Length * length > MaxTotalPoints)
        {
            errors.Add(".series", $"may hold at most {MaxTotalPoints} points in all (K × L was {(long)series.Length * length}).");
            return;
        }
        if (errors.Range(".lag", input.Lag, 1, length / 2))
        {
            var pairSamples = (long)series.Length * (series.Length - 1) * (length - input.Lag);
            if (pairSamples > MaxPairSamples)
            {
                errors.Add(".series", $"K·(K−1)·(L−lag) may be at most {MaxPairSamples} (was {pairSamples}); send fewer or shorter series.");
            }
        }

        for (var k = 0; k < series.Length && errors.Count < MaxReportedErrors; k++)
        {
            var field = $".series[{k}]";
            if (series[k] is null)
            {
                errors.Add(field, "is required.");
                continue;
            }
            if (series[k].Length != length)
            {
                errors.Add(field, $"must have the same length as series[0] ({length}; had {series[k].Length}).");
                continue;
            }
            for (var t = 0; t < length; t++)
            {
                if (!errors.Range($"{field}[{t}]", series[k][t], -MaxAbsValue, MaxAbsValue)) break;
            }
        }
    }
}
