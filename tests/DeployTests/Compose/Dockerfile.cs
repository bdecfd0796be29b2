namespace Prism.DeployTests.Compose;

/// <summary>The Dockerfile of a service (deploy/docker/&lt;service&gt;.Dockerfile).</summary>
public static class Dockerfile
{
    public static string PathOf(string service) => $"deploy/docker/{service}.Dockerfile";

    public static string Read(string service) => Repository.Read(PathOf(service));

    /// <summary>Project folder names under src/ the service's project needs, itself included, following ProjectReferences.</summary>
    public static IReadOnlySet<string> ProjectsOf(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next)) continue;
            var csproj = Repository.Read("src", next, $"{next}.csproj");
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(csproj, @"ProjectReference Include=""\.\.\\([^\\]+)\\"))
            {
                pending.Push(m.Groups[1].Value);
            }
        }
        return found;
    }
}
