using k8s.Models;

namespace Prism.DeployTests.Kubernetes;

/// <summary>Keys of the Secrets in deploy/k8s/secret.example.yaml.</summary>
public static class SecretKeys
{
    public static IReadOnlyCollection<string> InExample(string secretName)
    {
        var secret = Manifests.Load(Repository.Read("deploy", "k8s", "secret.example.yaml")).OfType<V1Secret>().SingleOrDefault(s => s.Metadata.Name == secretName);
        Assert.True(secret is not null, $"secret.example.yaml has no Secret named {secretName}");
        return secret.StringData.Keys.ToList();
    }
}
