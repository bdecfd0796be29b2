using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Prism.Deploy.Keda;

/// <summary>KEDA <c>keda.sh/v1alpha1</c> ScaledObject: the fields Prism uses, named as the CRD names them.</summary>
public sealed class ScaledObject : IKubernetesObject<V1ObjectMeta>, ISpec<ScaledObjectSpec>
{
    public const string KubeApiVersion = "keda.sh/v1alpha1";
    public const string KubeKind = "ScaledObject";
    public const string KubeGroup = "keda.sh";
    public const string KubeVersion = "v1alpha1";
    public const string KubePlural = "scaledobjects";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ScaledObjectSpec Spec { get; set; } = new();
}
