using Prism.Contracts.Kinds.Causal;
using Prism.Contracts.Kinds.Finance;
using Prism.Contracts.Kinds.Graph;
using Prism.Contracts.Kinds.Pixels;
using Prism.Contracts.Kinds.Pwsa;
using Prism.Contracts.Kinds.Robotics;
using Prism.Contracts.Kinds.Telecom;
using Prism.Contracts.Kinds.Timeseries;

namespace Prism.Contracts.Validation;

/// <summary>
/// The job kinds a deployment knows, by name: the one list every other list of kinds is derived from
/// (Ingest's validation and aliases, the kind checks of the Results APIs, the domains and their health).
/// </summary>
public sealed class JobKindCatalog
{
    private readonly Dictionary<string, IJobKind> _byName;

    public JobKindCatalog(IEnumerable<IJobKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        All = [.. kinds];
        _byName = new Dictionary<string, IJobKind>(StringComparer.Ordinal);
        foreach (var kind in All)
        {
            ArgumentNullException.ThrowIfNull(kind);
            if (!_byName.TryAdd(kind.Name, kind)) throw new ArgumentException($"The kind '{kind.Name}' is listed twice.", nameof(kinds));
        }
        Names = [.. All.Select(k => k.Name)];
        ByDomain = All.GroupBy(k => k.Domain, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(k => k.Name)], StringComparer.Ordinal);
        Domains = [.. ByDomain.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The kinds Prism ships: adding a kind adds its line here. The services take theirs from dependency
    /// injection (<c>AddJobKinds</c>), so a host may add more; clients, which know no host, use this one.
    /// </summary>
    public static JobKindCatalog BuiltIn { get; } = new(
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
    ]);

    /// <summary>Every kind, in catalog order.</summary>
    public IReadOnlyList<IJobKind> All { get; }

    /// <summary>Every kind's name, in catalog order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Domains that have at least one kind (<c>causal</c>, <c>finance</c>, …), in ordinal order.</summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>Every domain with its kinds (<c>GET /api/v1/{domain}/health</c> serves one per domain).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByDomain { get; }

    public IJobKind? Find(string? name) => name is not null && _byName.TryGetValue(name, out var kind) ? kind : null;

    public bool Contains(string? name) => name is not null && _byName.ContainsKey(name);
}
