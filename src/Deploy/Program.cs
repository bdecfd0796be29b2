using k8s;
using Prism.Deploy;

// prism-deploy generate [dir]   writes deploy/keda (default: <repo>/deploy/keda) and <repo>/deploy/k8s/ingress.yaml
// prism-deploy apply [--dry-run] applies the same objects to the cluster of the current kubeconfig (or in-cluster)
var command = args.FirstOrDefault();
switch (command)
{
    case "generate":
        var directory = args.Length > 1 ? args[1] : Path.Combine(RepositoryRoot.Find(), "deploy", "keda");
        foreach (var path in ManifestWriter.WriteAll(directory)) Console.WriteLine($"wrote {path}");
        var ingress = Path.Combine(RepositoryRoot.Find(), "deploy", "k8s", IngressManifests.FileName);
        File.WriteAllText(ingress, ManifestWriter.RenderIngress());
        Console.WriteLine($"wrote {ingress}");
        return 0;
    case "apply":
        var config = KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile();
        using (var client = new Kubernetes(config))
        {
            await new ClusterApplier(client, Console.Out).ApplyAsync(args.Contains("--dry-run"), CancellationToken.None).ConfigureAwait(false);
        }
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: prism-deploy generate [dir] | apply [--dry-run]").ConfigureAwait(false);
        return 2;
}
