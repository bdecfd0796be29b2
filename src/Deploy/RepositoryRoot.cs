namespace Prism.Deploy;

/// <summary>Finds the repository root (the folder holding Prism.sln) from the working directory upwards.</summary>
public static class RepositoryRoot
{
    public static string Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Prism.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Prism.sln not found above the working directory; run from inside the repository or pass the output folder.");
    }
}
