using System.Text.Json.Serialization;

namespace Prism.Deploy.Keda;

/// <summary>Where each trigger parameter's value comes from.</summary>
public sealed class TriggerAuthenticationSpec
{
    [JsonPropertyName("secretTargetRef")]
    public IList<SecretTargetRef> SecretTargetRef { get; set; } = [];
}
