namespace Prism.UnitTests;

/// <summary>The repository the tests run from, for the files they read from it (samples/, src/).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Prism.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"No Prism.sln above {AppContext.BaseDirectory}.");
    }
}
