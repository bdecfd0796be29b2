using System.Text.RegularExpressions;
using Prism.DeployTests.Infrastructure;
using Prism.DeployTests.Kubernetes;

namespace Prism.DeployTests.Observability;

public sealed partial class When_testing_the_alert_rules
{
    [Fact]
    public void Promtool_accepts_the_rules()
    {
        var (exitCode, stdout, stderr) = Tool.Promtool.Run(Repo.Root, "check", "rules", AlertRules.File);

        Assert.True(exitCode == 0, stdout + stderr);
    }

    [Fact]
    public void Promtool_unit_tests_pass()
    {
        var (exitCode, stdout, stderr) = Tool.Promtool.Run(Repo.Root, "test", "rules", AlertRules.TestFile);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("SUCCESS", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_has_a_firing_unit_test_and_a_runbook_section()
    {
        var tests = Repo.Read(AlertRules.TestFile);
        var operations = Repo.Read("docs", "operations.md");

        foreach (var alert in AlertRules.Load().Alerts())
        {
            Assert.Matches(new Regex($@"alertname: {alert.Alert}\s+exp_alerts:\s+- exp_labels"), tests);
            Assert.Equal($"docs/operations.md#{alert.Alert!.ToLowerInvariant()}", alert.Annotations?["runbook"]);
            Assert.Contains($"### {alert.Alert}", operations, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_metric_an_alert_uses_is_exported_by_a_service_or_the_broker()
    {
        var documented = MetricsDoc.Names();

        foreach (var alert in AlertRules.Load().Alerts())
        {
            foreach (var metric in MetricNames(alert.Expr))
            {
                var known = documented.Contains(metric) || metric == "up" || metric.StartsWith("rabbitmq_", StringComparison.Ordinal);
                Assert.True(known, $"{alert.Alert} uses {metric}, which docs/metrics.md does not list");
            }
        }
    }

    /// <summary>Identifiers followed by a selector or a range: metric names (functions are followed by "(").</summary>
    private static IEnumerable<string> MetricNames(string expr) =>
        SeriesSelector().Matches(expr).Select(m => m.Groups[1].Value).Select(StripHistogramSuffix).Distinct();

    private static string StripHistogramSuffix(string name) =>
        name.EndsWith("_bucket", StringComparison.Ordinal) ? name[..^7]
        : name.EndsWith("_count", StringComparison.Ordinal) ? name[..^6]
        : name;

    [GeneratedRegex(@"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{")]
    private static partial Regex SeriesSelector();
}
