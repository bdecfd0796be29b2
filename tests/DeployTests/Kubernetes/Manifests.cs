using k8s;
using k8s.Models;
using Prism.Deploy.Keda;
using Prism.DeployTests.Infrastructure;
using Prism.DeployTests.Kubernetes.Monitoring;

namespace Prism.DeployTests.Kubernetes;

/// <summary>Loads manifests strictly (unknown fields and wrong types fail) with the built-in kinds plus KEDA and Prometheus Operator kinds.</summary>
public static class Manifests
{
    public static Dictionary<string, Type> TypeMap { get; } = new()
    {
        [$"{ScaledObject.KubeApiVersion}/{ScaledObject.KubeKind}"] = typeof(ScaledObject),
        [$"{TriggerAuthentication.KubeApiVersion}/{TriggerAuthentication.KubeKind}"] = typeof(TriggerAuthentication),
        ["monitoring.coreos.com/v1/ServiceMonitor"] = typeof(ServiceMonitor),
        ["monitoring.coreos.com/v1/PrometheusRule"] = typeof(PrometheusRule),
    };

    public static IList<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true);

    /// <summary>Every manifest file under a deploy folder (kustomization files are kustomize's, not the API's).</summary>
    public static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(Repository.PathOf(folder), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Order(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<object>> RenderedBase = new(() => Render("deploy/k8s"));
    private static readonly Lazy<IReadOnlyList<object>> RenderedDev = new(() => Render("deploy/overlays/dev"));

    /// <summary><c>kubectl kustomize deploy/k8s</c>, parsed strictly.</summary>
    public static IReadOnlyList<object> Base => RenderOrSkip(RenderedBase);

    /// <summary><c>kubectl kustomize deploy/overlays/dev</c>, parsed strictly.</summary>
    public static IReadOnlyList<object> Dev => RenderOrSkip(RenderedDev);

    public static IReadOnlyList<object> Keda => FilesUnder("deploy/keda").SelectMany(f => Load(File.ReadAllText(f))).ToList();

    private static IReadOnlyList<object> RenderOrSkip(Lazy<IReadOnlyList<object>> rendered)
    {
        Tool.Kubectl.Require();
        return rendered.Value;
    }

    private static List<object> Render(string folder)
    {
        var (exitCode, yaml, errors) = Tool.Kubectl.Run(Repository.Root, "kustomize", folder);
        Assert.True(exitCode == 0, $"kubectl kustomize {folder} failed:\n{errors}");
        return Load(yaml).ToList();
    }

    public static IEnumerable<T> OfKind<T>(this IEnumerable<object> objects) => objects.OfType<T>();

    public static T Named<T>(this IEnumerable<object> objects, string name) where T : IKubernetesObject<V1ObjectMeta> =>
        objects.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name)
            ?? throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} named {name} in the rendered manifests.");
}
