using System.Text.RegularExpressions;
using Prism.DeployTests.Infrastructure;

namespace Prism.DeployTests.Observability;

/// <summary>The metric names in docs/metrics.md's tables (first column, in backticks).</summary>
public static partial class MetricsDoc
{
    public static IReadOnlySet<string> Names() =>
        TableRow().Matches(Repo.Read("docs", "metrics.md")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\| `([a-z_:][a-z0-9_:]*)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
