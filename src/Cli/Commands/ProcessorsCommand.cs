using System.CommandLine;
using Prism.Cli.Output;

namespace Prism.Cli.Commands;

/// <summary><c>prism processors</c>.</summary>
public static class ProcessorsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("processors", "List live processors: engine, device, memory, kinds, load.");
        runner.Bind(command, async (context, _, cancellationToken) =>
        {
            var processors = await context.Client.ListProcessorsAsync(cancellationToken).ConfigureAwait(false);
            if (context.Terminal.Json) context.Terminal.WriteJson(processors);
            else context.Terminal.Write(Views.Processors(processors, context.Terminal.Border));
            return ExitCodes.Ok;
        });
        return command;
    }
}
