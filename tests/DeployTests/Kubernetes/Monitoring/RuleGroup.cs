using System.Text.Json.Serialization;

namespace Prism.DeployTests.Kubernetes.Monitoring;

public sealed class RuleGroup
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("rules")] public IList<Rule> Rules { get; set; } = [];
}
