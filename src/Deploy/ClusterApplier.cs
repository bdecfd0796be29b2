using k8s;
using k8s.Models;
using Prism.Deploy.Keda;

namespace Prism.Deploy;

/// <summary>
/// Applies the generated manifests through the Kubernetes API with server-side apply (creates or
/// updates, owned by field manager <c>prism-deploy</c>), so no kubectl is needed on the deploying machine.
/// </summary>
public sealed class ClusterApplier(IKubernetes client, TextWriter log)
{
    public const string FieldManager = "prism-deploy";

    public async Task ApplyAsync(bool dryRun, CancellationToken cancellationToken)
    {
        foreach (var (_, manifest) in KedaManifests.All())
        {
            var plural = manifest switch
            {
                ScaledObject => ScaledObject.KubePlural,
                TriggerAuthentication => TriggerAuthentication.KubePlural,
                _ => throw new InvalidOperationException($"No API path known for {manifest.Kind}."),
            };
            var patch = new V1Patch(manifest, V1Patch.PatchType.ApplyPatch);
            await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                patch, ScaledObject.KubeGroup, ScaledObject.KubeVersion, manifest.Metadata.NamespaceProperty, plural, manifest.Metadata.Name,
                dryRun: dryRun ? "All" : null, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            await log.WriteLineAsync($"{manifest.Kind.ToLowerInvariant()}/{manifest.Metadata.Name} applied{(dryRun ? " (server dry run)" : "")}").ConfigureAwait(false);
        }
    }
}
