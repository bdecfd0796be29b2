using Prism.DeployTests.Infrastructure;
using Prism.DeployTests.Kubernetes;

namespace Prism.DeployTests.Observability;

public sealed class When_testing_the_alert_rules
{
    [Fact]
    public void Promtool_accepts_the_rules()
    {
        var (exitCode, stdout, stderr) = Tool.Promtool.Run(Repository.Root, "check", "rules", AlertRules.File);

        Assert.True(exitCode == 0, stdout + stderr);
    }

    [Fact]
    public void Promtool_unit_tests_pass()
    {
        var (exitCode, stdout, stderr) = Tool.Promtool.Run(Repository.Root, "test", "rules", AlertRules.TestFile);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("SUCCESS", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_has_a_firing_unit_test_and_a_runbook_section()
    {
        var tests = Repository.Read(AlertRules.TestFile);
        var operations = Repository.Read("docs", "operations.md");

        foreach (var alert in AlertRules.Load().Alerts())
        {
            Assert.Matches($@"alertname: {alert.Alert}\s+exp_alerts:\s+- exp_labels", tests);
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
            var metrics = MetricsDoc.MetricsIn(alert.Expr).ToList();
            Assert.NotEmpty(metrics);
            Assert.All(metrics, m => Assert.True(MetricsDoc.IsKnown(m, documented), $"{alert.Alert} uses {m}, which docs/metrics.md does not list"));
        }
    }
}
