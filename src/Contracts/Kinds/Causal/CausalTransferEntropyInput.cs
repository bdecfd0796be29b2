namespace Prism.Contracts.Kinds.Causal;

/// <summary>Input of <c>causal.transfer-entropy</c>: K series of equal length L.</summary>
public sealed record CausalTransferEntropyInput
{
    public double[][]? Series { get; init; }

    /// <summary>How many steps ahead the target is predicted, 1..L/2.</summary>
    public int Lag { get; init; } = 1;

    /// <summary>Equal-width bins per series, 2..32.</summary>
    public int Bins { get; init; } = 8;
}
