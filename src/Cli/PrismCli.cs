using System.CommandLine;
using Prism.Cli.Commands;
using Prism.Cli.Output;

namespace Prism.Cli;

/// <summary>The <c>prism</c> command tree.</summary>
public static class PrismCli
{
    public static RootCommand Create(Func<string, string?> environment, Func<OutputFormat, Terminal> terminals)
    {
        var options = new GlobalOptions();
        var runner = new CommandRunner(options, environment, terminals);
        var root = new RootCommand("""
            prism — submit GPU jobs to Prism and follow them.

            Environment: PRISM_URL (default http://localhost:8080), PRISM_RESULTS_URL (when Results has its own URL),
            PRISM_API_KEY. Exit codes: 0 ok, 1 a job failed/was cancelled/did not finish, 2 usage or invalid input,
            3 Prism unreachable or unavailable, 4 the API refused (not found, already finished, not allowed), 130 interrupted.
            """);
        options.AddTo(root);
        root.Subcommands.Add(SubmitCommand.Create(runner));
        root.Subcommands.Add(SubmitBatchCommand.Create(runner));
        root.Subcommands.Add(GetCommand.Create(runner));
        root.Subcommands.Add(WatchCommand.Create(runner));
        root.Subcommands.Add(CancelCommand.Create(runner));
        root.Subcommands.Add(ProcessorsCommand.Create(runner));
        root.Subcommands.Add(HealthCommand.Create(runner));
        root.Subcommands.Add(KeysCommand.Create(runner));
        return root;
    }

    /// <summary>Parses and runs; a command line that does not parse is exit code 2 with the errors and usage on stderr.</summary>
    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, Func<OutputFormat, Terminal> terminals, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var root = Create(environment, terminals);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors) error.WriteLine($"prism: {problem.Message}");
            error.WriteLine("Run 'prism --help' for usage.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync().ConfigureAwait(false);
    }
}
