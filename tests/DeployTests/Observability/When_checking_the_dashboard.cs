using System.Text.Json;
using Prism.DeployTests.Compose;
using Prism.DeployTests.Infrastructure;

namespace Prism.DeployTests.Observability;

public sealed class When_checking_the_dashboard
{
    private static readonly JsonElement Dashboard = JsonDocument.Parse(Repository.Read("deploy", "grafana", "dashboards", "prism-overview.json")).RootElement;

    private static IEnumerable<JsonElement> Panels => Dashboard.GetProperty("panels").EnumerateArray();

    private static List<string> Expressions => Panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();

    [Fact]
    public void It_shows_throughput_latency_queue_depth_compute_time_engine_mix_and_errors()
    {
        var all = string.Join('\n', Expressions);

        Assert.Contains("prism_ingest_jobs_submitted_total", all, StringComparison.Ordinal);
        Assert.Contains("histogram_quantile(0.95, sum by (le) (rate(prism_job_duration_milliseconds_bucket", all, StringComparison.Ordinal);
        Assert.Contains("rabbitmq_queue_messages_ready{queue=\"prism-jobs\"}", all, StringComparison.Ordinal);
        Assert.Contains("prism_processor_compute_duration_milliseconds_bucket", all, StringComparison.Ordinal);
        Assert.Contains("prism_processor_engine_info", all, StringComparison.Ordinal);
        Assert.Contains("prism_results_jobs_failed_total", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_panel_reads_the_provisioned_datasource()
    {
        var provisioning = ComposeFile.Parse(Repository.Read("deploy", "grafana", "provisioning", "datasources", "prometheus.yml"));
        var uid = ((Dictionary<object, object>)((List<object>)provisioning["datasources"])[0])["uid"].ToString();

        Assert.All(Panels, p => Assert.Equal(uid, p.GetProperty("datasource").GetProperty("uid").GetString()));
        var dashboards = ComposeFile.Parse(Repository.Read("deploy", "grafana", "provisioning", "dashboards", "prism.yml"));
        var path = ((Dictionary<object, object>)((Dictionary<object, object>)((List<object>)dashboards["providers"])[0])["options"])["path"].ToString();
        Assert.Contains($"./deploy/grafana/dashboards:{path}:ro", ComposeFile.List(new ComposeFile("docker-compose.yml").Service("grafana"), "volumes"));
    }

    [Fact]
    public void Every_query_reads_exported_metrics()
    {
        var documented = MetricsDoc.Names();

        Assert.All(Expressions.SelectMany(MetricsDoc.MetricsIn), m => Assert.True(MetricsDoc.IsKnown(m, documented), $"the dashboard reads {m}, which docs/metrics.md does not list"));
    }

    [Fact]
    public void Every_query_is_valid_PromQL()
    {
        var rules = "groups:\n  - name: dashboard\n    rules:\n" + string.Concat(Expressions.Select((e, i) =>
            $"      - record: dashboard:query{i}\n        expr: {JsonSerializer.Serialize(e.Replace("$__rate_interval", "5m", StringComparison.Ordinal))}\n"));
        var file = Path.Combine(Path.GetTempPath(), $"prism-dashboard-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, rules);
        try
        {
            var (exitCode, stdout, stderr) = Tool.Promtool.Run(Repository.Root, "check", "rules", file);
            Assert.True(exitCode == 0, stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
