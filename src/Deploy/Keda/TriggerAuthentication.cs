using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Prism.Deploy.Keda;

/// <summary>KEDA <c>keda.sh/v1alpha1</c> TriggerAuthentication: trigger parameters read from Secrets.</summary>
public sealed class TriggerAuthentication : IKubernetesObject<V1ObjectMeta>, ISpec<TriggerAuthenticationSpec>
{
    public const string KubeApiVersion = "keda.sh/v1alpha1";
    public const string KubeKind = "TriggerAuthentication";
    public const string KubePlural = "triggerauthentications";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TriggerAuthenticationSpec Spec { get; set; } = new();
}
