using Prism.Deploy;

namespace Prism.DeployTests.Infrastructure;

/// <summary>Paths in the repository under test.</summary>
public static class Repo
{
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory);

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
