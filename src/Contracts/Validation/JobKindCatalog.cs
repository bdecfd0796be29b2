using Prism.Contracts.Kinds.Causal;
using Prism.Contracts.Kinds.Finance;
using Prism.Contracts.Kinds.Graph;
using Prism.Contracts.Kinds.Pixels;
using Prism.Contracts.Kinds.Pwsa;
using Prism.Contracts.Kinds.Robotics;
using Prism.Contracts.Kinds.Telecom;
using Prism.Contracts.Kinds.Timeseries;

namespace Prism.Contracts.Validation;

/// <summary>Every job kind Prism knows, by name. Ingest validates against it; processors serve from it.</summary>
public static class JobKindCatalog
{
    public static IReadOnlyList<IJobKind> All { get; } =
    [
        new PixelsEntropyKind(),
        new PixelsSegmentKind(),
        new PwsaDetectKind(),
        new PwsaFuseKind(),
        new TimeseriesForecastKind(),
        new CausalTransferEntropyKind(),
        new FinanceOptimizeKind(),
        new FinanceRiskKind(),
        new TelecomOptimizeKind(),
        new GraphColorKind(),
        new RoboticsPlanKind(),
    ];

    private static readonly Dictionary<string, IJobKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static IJobKind? Find(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>Domains that have at least one kind (<c>pixels</c>, <c>pwsa</c>, …).</summary>
    public static IReadOnlyList<string> Domains { get; } = All.Select(k => k.Domain).Distinct().Order(StringComparer.Ordinal).ToArray();
}
