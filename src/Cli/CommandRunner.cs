using System.CommandLine;
using System.Net;
using Prism.Cli.Output;
using Prism.Client;

namespace Prism.Cli;

/// <summary>Runs a command's body with a client and a terminal, and turns every failure into a message and an exit code.</summary>
public sealed class CommandRunner(GlobalOptions options, Func<string, string?> environment, Func<OutputFormat, Terminal> terminals)
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/>, run with the connection from the global options.</summary>
    public void Bind(Command command, Func<CommandContext, ParseResult, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, body, cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parseResult, Func<CommandContext, ParseResult, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var terminal = terminals(parseResult.GetValue(options.Output));
        Connection? connection = null;
        try
        {
            connection = Connection.Resolve(parseResult.GetValue(options.Url), parseResult.GetValue(options.ResultsUrl), parseResult.GetValue(options.ApiKey), environment);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
            var client = connection.CreateClient(http);
            return await body(new CommandContext(client, terminal), parseResult, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            terminal.Diagnostic($"prism: {ex.Message}");
            return ex.ExitCode;
        }
        catch (PrismValidationException ex)
        {
            terminal.Diagnostic($"prism: the request is invalid ({(int)ex.Status} {ex.Title}):");
            foreach (var (field, messages) in ex.Errors) terminal.Diagnostic($"  {field}: {string.Join(" ", messages)}");
            return ExitCodes.Usage;
        }
        catch (PrismUnavailableException ex)
        {
            var retry = ex.RetryAfter is { } after ? $" Retry after {after.TotalSeconds:0} s." : "";
            terminal.Diagnostic($"prism: {connection?.Url} is unavailable: {ex.Message}.{retry}");
            return ExitCodes.Unreachable;
        }
        catch (PrismApiException ex) when (ex.Status == HttpStatusCode.BadRequest)
        {
            terminal.Diagnostic($"prism: the request was refused: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (PrismApiException ex) when ((int)ex.Status >= 500)
        {
            terminal.Diagnostic($"prism: the server failed: {ex.Message}");
            return ExitCodes.Unreachable;
        }
        catch (PrismApiException ex)
        {
            terminal.Diagnostic($"prism: {ex.Message}");
            return ExitCodes.ApiError;
        }
        catch (HttpRequestException ex)
        {
            terminal.Diagnostic($"prism: cannot reach {connection?.Url}: {ex.Message}");
            return ExitCodes.Unreachable;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            terminal.Diagnostic($"prism: {connection?.Url} did not answer in time.");
            return ExitCodes.Unreachable;
        }
        catch (OperationCanceledException)
        {
            terminal.Diagnostic("prism: interrupted.");
            return ExitCodes.Interrupted;
        }
    }
}
