using System.Text.Json.Serialization;

namespace Prism.Deploy.Keda;

/// <summary>One scaler: its type, its metadata (all strings, as KEDA reads them) and where its credentials come from.</summary>
public sealed class ScaleTrigger
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("metadata")]
    public IDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();

    [JsonPropertyName("authenticationRef")]
    public AuthenticationRef? AuthenticationRef { get; set; }
}
