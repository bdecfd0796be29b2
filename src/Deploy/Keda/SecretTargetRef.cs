using System.Text.Json.Serialization;

namespace Prism.Deploy.Keda;

/// <summary>A trigger parameter (e.g. <c>host</c>) filled from one key of one Secret in the ScaledObject's namespace.</summary>
public sealed class SecretTargetRef
{
    [JsonPropertyName("parameter")]
    public string Parameter { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("key")]
    public string Key { get; set; } = "";
}
