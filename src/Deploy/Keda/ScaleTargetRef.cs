using System.Text.Json.Serialization;

namespace Prism.Deploy.Keda;

/// <summary>The workload a ScaledObject scales.</summary>
public sealed class ScaleTargetRef
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
