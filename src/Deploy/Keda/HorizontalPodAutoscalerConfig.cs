using System.Text.Json.Serialization;
using k8s.Models;

namespace Prism.Deploy.Keda;

/// <summary>The HPA's scaling behaviour (the standard <c>autoscaling/v2</c> type).</summary>
public sealed class HorizontalPodAutoscalerConfig
{
    [JsonPropertyName("behavior")]
    public V2HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}
