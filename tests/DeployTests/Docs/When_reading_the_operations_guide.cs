using System.Text.RegularExpressions;
using Prism.DeployTests.Kubernetes;

namespace Prism.DeployTests.Docs;

public sealed partial class When_reading_the_operations_guide
{
    private static readonly string Guide = Repository.Read("docs", "operations.md");

    [Fact]
    public void Every_repository_path_it_names_exists()
    {
        var paths = RepoPath().Matches(Guide).Select(m => m.Value.TrimEnd('/', '.')).Distinct().ToList();

        Assert.True(paths.Count >= 15, $"only {paths.Count} paths found");
        Assert.All(paths, p => Assert.True(File.Exists(Repository.PathOf(p)) || Directory.Exists(Repository.PathOf(p)) || p.Contains('*', StringComparison.Ordinal) && Directory.EnumerateFiles(Repository.PathOf(Path.GetDirectoryName(p)!), Path.GetFileName(p)).Any(),
            $"docs/operations.md names {p}, which does not exist"));
    }

    [Fact]
    public void The_Secret_keys_it_lists_are_the_example_Secrets_keys()
    {
        var listed = SecretKeyRow().Matches(Guide).Select(m => m.Groups[1].Value).Order();

        Assert.Equal(SecretKeys.InExample("prism-secrets").Order(), listed);
    }

    [Fact]
    public void The_container_names_in_its_commands_are_the_deployments_containers()
    {
        foreach (Match m in SetImage().Matches(Guide))
        {
            var deployment = Manifests.Base.Named<k8s.Models.V1Deployment>(m.Groups[1].Value);
            Assert.Equal(m.Groups[2].Value, Assert.Single(deployment.Spec.Template.Spec.Containers).Name);
        }
    }

    /// <summary>Paths under the repository's top folders; <c>deploy/prism-…</c> is kubectl's Deployment shorthand, not a path.</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?:deploy/(?!prism-|keda-)|scripts/|src/|samples/|docs/)[\w./*-]*[\w*]|docker-compose(?:\.gpu)?\.yml|\.env\.example")]
    private static partial Regex RepoPath();

    [GeneratedRegex(@"^\| `([a-z-]+)` \| .*(?:ConnectionStrings|TriggerAuthentication)", RegexOptions.Multiline)]
    private static partial Regex SecretKeyRow();

    [GeneratedRegex(@"set image deployment/([\w-]+) ([\w-]+)=")]
    private static partial Regex SetImage();
}
