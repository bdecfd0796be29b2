using System.CommandLine;
using Prism.Cli.Output;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.Cli.Commands;

/// <summary><c>prism get &lt;id&gt; [--wait seconds]</c>.</summary>
public static class GetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<Guid>("id") { Description = "The job id from the submit receipt." };
        var wait = new Option<int?>("--wait", "-w") { Description = "Wait up to this many seconds for the job to finish." };
        wait.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 0) r.AddError("--wait must not be negative."); });

        var command = new Command("get", "Print a job's state, timings and result.") { id, wait };
        runner.Bind(command, async (context, parse, cancellationToken) =>
        {
            var jobId = parse.GetValue(id);
            if (parse.GetValue(wait) is { } seconds and > 0)
            {
                return ShowWaited(context, await context.Client.WaitAsync(jobId, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false));
            }
            return Show(context, await context.Client.GetResultAsync(jobId, cancellationToken).ConfigureAwait(false));
        });
        return command;
    }

    /// <summary>Prints the job; exit 0 unless it failed or was cancelled (1).</summary>
    public static int Show(CommandContext context, JobResultView job)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(job);
        if (context.Terminal.Json) context.Terminal.WriteJson(job);
        else context.Terminal.Write(Views.Job(job, context.Terminal.Border));
        return Views.IsFailure(job.Status) ? ExitCodes.JobFailed : ExitCodes.Ok;
    }

    /// <summary>After waiting: a job that is still not finished counts as not done (1).</summary>
    public static int ShowWaited(CommandContext context, JobResultView job)
    {
        var code = Show(context, job);
        if (code == ExitCodes.Ok && !JobStatus.IsTerminal(job.Status))
        {
            context.Terminal.Diagnostic($"prism: job {job.JobId} is still {job.Status}.");
            return ExitCodes.JobFailed;
        }
        return code;
    }
}
