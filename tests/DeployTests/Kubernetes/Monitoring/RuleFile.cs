using System.Text.Json.Serialization;

namespace Prism.DeployTests.Kubernetes.Monitoring;

/// <summary>A Prometheus rules file (and a PrometheusRule's spec): groups of rules.</summary>
public sealed class RuleFile
{
    [JsonPropertyName("groups")] public IList<RuleGroup> Groups { get; set; } = [];
}
