namespace Prism.Contracts.Kinds.Causal;

/// <summary>Output of <c>causal.transfer-entropy</c>.</summary>
public sealed record CausalTransferEntropyOutput
{
    /// <summary>K×K: <c>matrix[x][y]</c> = TE(series x → series y); the diagonal is 0.</summary>
    public required double[][] Matrix { get; init; }

    public string Units { get; init; } = "bits";
}
