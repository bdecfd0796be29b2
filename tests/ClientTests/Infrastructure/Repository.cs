namespace Prism.ClientTests.Infrastructure;

/// <summary>Files of the repository the tests run from (samples/).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string kind) => Path.Combine(Root, "samples", kind + ".json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Prism.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"No Prism.sln above {AppContext.BaseDirectory}.");
    }
}
