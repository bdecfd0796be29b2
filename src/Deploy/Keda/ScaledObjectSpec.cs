using System.Text.Json.Serialization;

namespace Prism.Deploy.Keda;

/// <summary>What a ScaledObject scales, between which bounds, how often it looks, and on what.</summary>
public sealed class ScaledObjectSpec
{
    [JsonPropertyName("scaleTargetRef")]
    public ScaleTargetRef ScaleTargetRef { get; set; } = new();

    [JsonPropertyName("pollingInterval")]
    public int? PollingInterval { get; set; }

    /// <summary>Seconds after the last active trigger before scaling to <see cref="MinReplicaCount"/> when that is 0.</summary>
    [JsonPropertyName("cooldownPeriod")]
    public int? CooldownPeriod { get; set; }

    [JsonPropertyName("minReplicaCount")]
    public int? MinReplicaCount { get; set; }

    [JsonPropertyName("maxReplicaCount")]
    public int? MaxReplicaCount { get; set; }

    [JsonPropertyName("advanced")]
    public ScaledObjectAdvanced? Advanced { get; set; }

    [JsonPropertyName("triggers")]
    public IList<ScaleTrigger> Triggers { get; set; } = [];
}
