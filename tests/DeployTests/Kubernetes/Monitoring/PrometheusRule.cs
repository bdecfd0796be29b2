using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Prism.DeployTests.Kubernetes.Monitoring;

/// <summary>Prometheus Operator <c>monitoring.coreos.com/v1</c> PrometheusRule, for strict parsing.</summary>
public sealed class PrometheusRule : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "monitoring.coreos.com/v1";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "PrometheusRule";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
    [JsonPropertyName("spec")] public RuleFile Spec { get; set; } = new();
}
