namespace Prism.TestSupport;

/// <summary>
/// The repository the tests run from: the folder holding <c>Prism.sln</c> above the test's output folder, for the
/// files they read from it (samples/, src/, deploy/, .github/).
/// </summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The sample input of a job kind: <c>samples/{kind}.json</c>.</summary>
    public static string Sample(string kind) => PathOf("samples", kind + ".json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Prism.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"No Prism.sln above {AppContext.BaseDirectory}.");
    }
}
