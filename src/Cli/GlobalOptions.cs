using System.CommandLine;
using Prism.Cli.Output;

namespace Prism.Cli;

/// <summary>Options every command takes.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"Prism's URL (Ingest; also Results unless --results-url). Default: ${Connection.UrlVariable}, else {Connection.DefaultUrl}.",
        Recursive = true,
    };

    public Option<string?> ResultsUrl { get; } = new("--results-url")
    {
        Description = $"Results API URL when it differs from --url (docker-compose). Default: ${Connection.ResultsUrlVariable}.",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key, sent as 'Authorization: Bearer <key>'. Default: ${Connection.ApiKeyVariable}.",
        Recursive = true,
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "table (for people; plain text when redirected) or json (for programs).",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(ResultsUrl);
        command.Options.Add(ApiKey);
        command.Options.Add(Output);
    }
}
