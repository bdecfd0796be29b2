namespace Prism.Contracts;

/// <summary>
/// Job kind names (<c>domain.operation</c>). Never rename one: clients and stored results use them. The list of
/// kinds is <see cref="Validation.JobKindCatalog"/>, not this class.
/// </summary>
public static class JobKinds
{
    public const string PixelsEntropy = "pixels.entropy";
    public const string PixelsSegment = "pixels.segment";
    public const string PwsaDetect = "pwsa.detect";
    public const string PwsaFuse = "pwsa.fuse";
    public const string TimeseriesForecast = "timeseries.forecast";
    public const string CausalTransferEntropy = "causal.transfer-entropy";
    public const string FinanceOptimize = "finance.optimize";
    public const string FinanceRisk = "finance.risk";
    public const string GraphColor = "graph.color";
    public const string TelecomOptimize = "telecom.optimize";
    public const string RoboticsPlan = "robotics.plan";

    /// <summary>The domain part of a kind name: <c>pixels.entropy</c> → <c>pixels</c>.</summary>
    public static string DomainOf(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var dot = kind.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? kind : kind[..dot];
    }
}
