using System.Text.Json;
using Prism.Client;

namespace Prism.ClientTests.Cli;

/// <summary>Input files for CLI runs, in a folder removed with the test class.</summary>
public sealed class CliFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-cli-").FullName;

    public string Json(string name, object value) => Text(name, value as string ?? JsonSerializer.Serialize(value, PrismClient.JsonOptions));

    public string Text(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
