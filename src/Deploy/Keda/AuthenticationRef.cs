using System.Text.Json.Serialization;

namespace Prism.Deploy.Keda;

/// <summary>Names the TriggerAuthentication a trigger takes its secrets from.</summary>
public sealed class AuthenticationRef
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
