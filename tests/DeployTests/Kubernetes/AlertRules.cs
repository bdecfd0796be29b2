using System.Text.Json;
using k8s;
using Prism.DeployTests.Kubernetes.Monitoring;

namespace Prism.DeployTests.Kubernetes;

/// <summary>deploy/prometheus/alerts.yml, the one source of Prism's alerting rules.</summary>
public static class AlertRules
{
    public const string File = "deploy/prometheus/alerts.yml";
    public const string TestFile = "deploy/prometheus/alerts.test.yml";

    public static RuleFile Load() => KubernetesYaml.Deserialize<RuleFile>(Repository.Read(File), strict: true);

    public static IEnumerable<Rule> Alerts(this RuleFile file) => file.Groups.SelectMany(g => g.Rules).Where(r => r.Alert is not null);

    /// <summary>A comparable form: JSON with the expressions' whitespace normalised.</summary>
    public static string Canonical(RuleFile file)
    {
        var groups = file.Groups.Select(g => new
        {
            g.Name,
            Rules = g.Rules.Select(r => new
            {
                r.Alert,
                r.Record,
                Expr = string.Join(' ', r.Expr.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                r.For,
                Labels = new SortedDictionary<string, string>(r.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
                Annotations = new SortedDictionary<string, string>(r.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            }),
        });
        return JsonSerializer.Serialize(groups);
    }
}
