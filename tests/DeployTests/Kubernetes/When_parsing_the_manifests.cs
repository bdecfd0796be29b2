using k8s.Models;
using Prism.Deploy.Keda;

namespace Prism.DeployTests.Kubernetes;

public sealed class When_parsing_the_manifests
{
    public static TheoryData<string> ManifestFiles() =>
        new(new[] { "deploy/k8s", "deploy/overlays/dev", "deploy/keda" }
            .SelectMany(Manifests.FilesUnder)
            .Select(f => Path.GetRelativePath(Repository.Root, f)));

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Every_file_parses_strictly_with_KubernetesClient(string file)
    {
        var objects = Manifests.Load(Repository.Read(file));

        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.False(string.IsNullOrEmpty(((k8s.IKubernetesObject<V1ObjectMeta>)o).Metadata?.Name), $"{file}: an object without a name"));
    }

    [Fact]
    public void A_misspelled_field_is_rejected()
    {
        const string yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicaz: 2\n";

        Assert.ThrowsAny<Exception>(() => Manifests.Load(yaml));
    }

    [Fact]
    public void A_misspelled_KEDA_field_is_rejected()
    {
        const string yaml = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: x\nspec:\n  queueLength: 5\n";

        Assert.ThrowsAny<Exception>(() => Manifests.Load(yaml));
    }

    [Fact]
    public void The_base_renders_with_kustomize()
    {
        var rendered = Manifests.Base;

        var kinds = rendered.Select(o => ((k8s.IKubernetesObject<V1ObjectMeta>)o).Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { "Namespace", "ConfigMap", "ServiceAccount", "Role", "RoleBinding", "Deployment", "Service",
            "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PrometheusRule" }, kinds);
        Assert.All(rendered.Cast<k8s.IKubernetesObject<V1ObjectMeta>>().Where(o => o.Kind != "Namespace"),
            o => Assert.Equal("prism", o.Metadata.NamespaceProperty));
        Assert.DoesNotContain(rendered, o => o is V1Secret);
    }

    [Fact]
    public void The_dev_overlay_renders_with_a_broker_a_database_and_the_secret()
    {
        var rendered = Manifests.Dev;

        rendered.Named<V1Deployment>("prism-rabbitmq");
        rendered.Named<V1Deployment>("prism-postgres");
        rendered.Named<V1Secret>("prism-secrets");
        Assert.DoesNotContain(rendered.OfKind<ScaledObject>(), _ => true);
    }
}
