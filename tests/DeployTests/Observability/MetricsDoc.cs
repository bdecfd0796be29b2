using System.Text.RegularExpressions;

namespace Prism.DeployTests.Observability;

/// <summary>The metric names in docs/metrics.md's tables (first column, in backticks), and the metrics a PromQL expression reads.</summary>
public static partial class MetricsDoc
{
    private static readonly HashSet<string> Keywords = ["and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan"];

    public static IReadOnlySet<string> Names() =>
        TableRow().Matches(Repository.Read("docs", "metrics.md")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The metrics an expression reads (histogram suffixes removed): what is left of its identifiers once
    /// strings, label matchers, ranges, grouping clauses, functions and keywords are taken out.
    /// </summary>
    public static IEnumerable<string> MetricsIn(string expr)
    {
        var stripped = Grouping().Replace(Range().Replace(Matchers().Replace(Strings().Replace(expr, " "), " "), " "), " ");
        return Identifier().Matches(stripped)
            .Where(m => !stripped[(m.Index + m.Length)..].TrimStart().StartsWith('('))
            .Select(m => m.Value)
            .Where(name => !Keywords.Contains(name))
            .Select(StripHistogramSuffix)
            .Distinct();
    }

    /// <summary>A metric is known when docs/metrics.md lists it, or it is Prometheus' <c>up</c> or a RabbitMQ plugin series.</summary>
    public static bool IsKnown(string metric, IReadOnlySet<string> documented) =>
        documented.Contains(metric) || metric == "up" || metric.StartsWith("rabbitmq_", StringComparison.Ordinal);

    private static string StripHistogramSuffix(string name) =>
        name.EndsWith("_bucket", StringComparison.Ordinal) ? name[..^7]
        : name.EndsWith("_count", StringComparison.Ordinal) ? name[..^6]
        : name;

    [GeneratedRegex(@"^\| `([a-z_:][a-z0-9_:]*)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![0-9.])\b[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
