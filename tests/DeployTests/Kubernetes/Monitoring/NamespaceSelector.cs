using System.Text.Json.Serialization;

namespace Prism.DeployTests.Kubernetes.Monitoring;

public sealed class NamespaceSelector
{
    [JsonPropertyName("matchNames")] public IList<string> MatchNames { get; set; } = [];
}
