using System.Text.Json.Serialization;

namespace Prism.Deploy.Keda;

/// <summary>Settings KEDA passes to the HorizontalPodAutoscaler it creates.</summary>
public sealed class ScaledObjectAdvanced
{
    [JsonPropertyName("restoreToOriginalReplicaCount")]
    public bool? RestoreToOriginalReplicaCount { get; set; }

    [JsonPropertyName("horizontalPodAutoscalerConfig")]
    public HorizontalPodAutoscalerConfig? HorizontalPodAutoscalerConfig { get; set; }
}
