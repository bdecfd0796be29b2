using System.Text.Json;

namespace Prism.Cli;

/// <summary>Reads JSON input files (<c>-</c> is stdin); a file that cannot be read or parsed is a usage error.</summary>
public static class InputFiles
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = Contracts.PrismJson.MaxDepth };

    public static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return path == "-"
                ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
                : await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Usage, $"cannot read {path}: {ex.Message}");
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(string path, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    public static JsonElement Parse(string text, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.Usage, $"{where} is not valid JSON: {ex.Message}");
        }
    }
}
