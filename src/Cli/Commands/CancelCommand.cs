using System.CommandLine;
using System.Net;
using Prism.Client;

namespace Prism.Cli.Commands;

/// <summary><c>prism cancel &lt;id&gt;</c>.</summary>
public static class CancelCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<Guid>("id") { Description = "The job to cancel." };
        var command = new Command("cancel", "Ask for a job to be cancelled (409 when it has already finished).") { id };
        runner.Bind(command, async (context, parse, cancellationToken) =>
        {
            var jobId = parse.GetValue(id);
            try
            {
                var receipt = await context.Client.CancelAsync(jobId, cancellationToken).ConfigureAwait(false);
                if (context.Terminal.Json) context.Terminal.WriteJson(receipt);
                else context.Terminal.Line($"Cancel requested for job {receipt.JobId}: {receipt.Status}.");
                return ExitCodes.Ok;
            }
            catch (PrismApiException ex) when (ex.Status == HttpStatusCode.Conflict)
            {
                throw new CliException(ExitCodes.ApiError, $"job {jobId} has already finished and cannot be cancelled ({ex.Detail ?? ex.Title}).");
            }
            catch (PrismApiException ex) when (ex.Status == HttpStatusCode.NotFound)
            {
                throw new CliException(ExitCodes.ApiError, $"there is no job {jobId}.");
            }
        });
        return command;
    }
}
