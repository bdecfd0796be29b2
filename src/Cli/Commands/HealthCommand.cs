using System.CommandLine;
using Prism.Cli.Output;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;

namespace Prism.Cli.Commands;

/// <summary><c>prism health [--domain d]</c>: every domain's health.</summary>
public static class HealthCommand
{
    public static Command Create(CommandRunner runner)
    {
        var domain = new Option<string[]>("--domain", "-d") { Description = "Only these domains (repeatable). Default: every domain this CLI knows.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("health", "Each domain's health: live processors, jobs and failures in the window, p50/p95 latency.") { domain };
        runner.Bind(command, async (context, parse, cancellationToken) =>
        {
            var domains = parse.GetValue(domain) is { Length: > 0 } chosen ? chosen : [.. JobKindCatalog.BuiltIn.Domains];
            var views = new List<DomainHealthView>(domains.Length);
            foreach (var name in domains)
            {
                views.Add(await context.Client.GetDomainHealthAsync(name, cancellationToken).ConfigureAwait(false));
            }
            if (context.Terminal.Json) context.Terminal.WriteJson(views);
            else context.Terminal.Write(Views.Health(views, context.Terminal.Border));
            return ExitCodes.Ok;
        });
        return command;
    }
}
