using System.CommandLine;
using Prism.Cli.Output;
using Prism.Client;

namespace Prism.Cli.Commands;

/// <summary><c>prism submit &lt;kind&gt; --input file.json [--wait]</c>.</summary>
public static class SubmitCommand
{
    public static Command Create(CommandRunner runner)
    {
        var kind = new Argument<string>("kind") { Description = "The job kind, e.g. pixels.entropy." };
        var input = new Option<string>("--input", "-i") { Description = "JSON file holding the kind's input ('-' reads stdin).", Required = true };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait for the job to finish and print its result." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds --wait waits at most.", DefaultValueFactory = _ => 300 };
        var priority = new Option<int?>("--priority") { Description = "0 (default) to 9; higher runs first." };
        var deadline = new Option<int?>("--deadline") { Description = "Seconds within which the job must start, else it fails with deadline_exceeded." };
        var idempotencyKey = new Option<string?>("--idempotency-key") { Description = "Submitting the same key again returns the first job." };
        timeout.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--timeout must be at least 1 second."); });

        var command = new Command("submit", "Submit one job; with --wait, wait for it and print the result.") { kind, input, wait, timeout, priority, deadline, idempotencyKey };
        runner.Bind(command, async (context, parse, cancellationToken) =>
        {
            var body = await InputFiles.ReadJsonAsync(parse.GetValue(input)!, cancellationToken).ConfigureAwait(false);
            var options = new SubmitOptions { Priority = parse.GetValue(priority), DeadlineSeconds = parse.GetValue(deadline), IdempotencyKey = parse.GetValue(idempotencyKey) };
            var receipt = await context.Client.SubmitAsync(parse.GetValue(kind)!, body, options, cancellationToken).ConfigureAwait(false);
            var terminal = context.Terminal;
            if (!parse.GetValue(wait))
            {
                if (terminal.Json) terminal.WriteJson(receipt);
                else terminal.Write(Views.Receipt(receipt, context.Client.ResultsUrl, terminal.Border));
                return ExitCodes.Ok;
            }

            if (!terminal.Json) terminal.Diagnostic($"prism: job {receipt.JobId} queued; waiting for it…");
            var job = await context.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken).ConfigureAwait(false);
            return GetCommand.ShowWaited(context, job);
        });
        return command;
    }
}
