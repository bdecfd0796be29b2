using System.Text.Json.Serialization;
using k8s.Models;

namespace Prism.DeployTests.Kubernetes.Monitoring;

public sealed class ServiceMonitorSpec
{
    [JsonPropertyName("selector")] public V1LabelSelector Selector { get; set; } = new();
    [JsonPropertyName("endpoints")] public IList<ServiceMonitorEndpoint> Endpoints { get; set; } = [];
    [JsonPropertyName("podTargetLabels")] public IList<string>? PodTargetLabels { get; set; }
    [JsonPropertyName("namespaceSelector")] public NamespaceSelector? NamespaceSelector { get; set; }
}
