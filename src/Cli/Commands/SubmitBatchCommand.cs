using System.CommandLine;
using System.Globalization;
using Prism.Cli.Batch;
using Prism.Cli.Output;
using Spectre.Console;

namespace Prism.Cli.Commands;

/// <summary><c>prism submit-batch jobs.jsonl</c>: submit many jobs, wait for them, print a summary by kind.</summary>
public static class SubmitBatchCommand
{
    public static Command Create(CommandRunner runner)
    {
        var file = new Argument<string>("file") { Description = "JSON Lines: one {\"kind\", \"input\", \"priority\"?, \"deadlineSeconds\"?} per line ('-' reads stdin)." };
        var chunkSize = new Option<int>("--chunk-size") { Description = "Jobs per batch request.", DefaultValueFactory = _ => 100 };
        var concurrency = new Option<int>("--concurrency") { Description = "Results waited for at once.", DefaultValueFactory = _ => 16 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for every job to finish.", DefaultValueFactory = _ => 600 };
        var noWait = new Option<bool>("--no-wait") { Description = "Only submit; do not wait for results." };
        foreach (var option in new[] { chunkSize, concurrency, timeout })
        {
            option.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError($"{option.Name} must be at least 1."); });
        }

        var command = new Command("submit-batch", "Submit a JSON Lines file of jobs, wait for them with a progress bar, and summarize by kind.") { file, chunkSize, concurrency, timeout, noWait };
        runner.Bind(command, async (context, parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var lines = BatchFile.Parse(await InputFiles.ReadTextAsync(path, cancellationToken).ConfigureAwait(false), path);
            var settings = new BatchSettings
            {
                ChunkSize = parse.GetValue(chunkSize),
                Concurrency = parse.GetValue(concurrency),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Wait = !parse.GetValue(noWait),
            };
            var runner = new BatchRunner(context.Client);
            var terminal = context.Terminal;

            BatchSummary summary;
            if (terminal.Interactive && !terminal.Json)
            {
                summary = await terminal.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var submitted = progress.AddTask("submitted", maxValue: lines.Count);
                        var finished = settings.Wait ? progress.AddTask("finished", maxValue: lines.Count) : null;
                        return await runner.RunAsync(lines, settings, new BarProgress(submitted, finished), cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }
            else
            {
                summary = await runner.RunAsync(lines, settings, new LineProgress(terminal.Error, lines.Count), cancellationToken).ConfigureAwait(false);
            }

            if (terminal.Json) terminal.WriteJson(summary);
            else Render(terminal, summary, settings.Wait);
            return summary.AllSucceeded || !settings.Wait ? ExitCodes.Ok : ExitCodes.JobFailed;
        });
        return command;
    }

    private static void Render(Terminal terminal, BatchSummary summary, bool waited)
    {
        var table = new Table { Border = terminal.Border, Title = new TableTitle("submit-batch") }
            .AddColumns("kind", "submitted", "succeeded", "failed", "cancelled", "unfinished");
        foreach (var kind in summary.Kinds)
        {
            table.AddRow(kind.Kind, N(kind.Submitted), N(kind.Succeeded), N(kind.Failed), N(kind.Cancelled), N(waited ? kind.Unfinished : 0));
        }
        table.AddRow("total", N(summary.Submitted), N(summary.Succeeded), N(summary.Failed), N(summary.Cancelled), N(summary.Unfinished));
        terminal.Write(table);
        terminal.Line(waited
            ? $"{summary.Submitted} jobs finished in {summary.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} s = {summary.JobsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} jobs/s"
            : $"{summary.Submitted} jobs submitted in {summary.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} s = {summary.JobsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)} jobs/s");

        if (summary.Failures.Count == 0) return;
        var failures = new Table { Border = terminal.Border, Title = new TableTitle("not succeeded") }.AddColumns("line", "job", "kind", "status", "error");
        foreach (var f in summary.Failures)
        {
            failures.AddRow(new Text(N(f.Line)), new Text(f.JobId.ToString()), new Text(f.Kind), new Text(f.Status), new Text(f.ErrorCode is null ? "" : $"{f.ErrorCode}: {f.ErrorMessage}"));
        }
        terminal.Write(failures);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class BarProgress(ProgressTask submitted, ProgressTask? finished) : IBatchProgress
    {
        public void Submitted(int count) => submitted.Increment(count);

        public void Finished(string status) => finished?.Increment(1);
    }

    /// <summary>Plain lines on stderr at every tenth of the way, for redirected output.</summary>
    private sealed class LineProgress(TextWriter error, int total) : IBatchProgress
    {
        private readonly Lock _gate = new();
        private int _submitted;
        private int _finished;

        public void Submitted(int count)
        {
            lock (_gate)
            {
                var before = _submitted;
                _submitted += count;
                if (Tenth(before) != Tenth(_submitted)) error.WriteLine($"prism: submitted {_submitted}/{total}");
            }
        }

        public void Finished(string status)
        {
            lock (_gate)
            {
                _finished++;
                if (Tenth(_finished - 1) != Tenth(_finished)) error.WriteLine($"prism: finished {_finished}/{total}");
            }
        }

        private int Tenth(int count) => count * 10 / total;
    }
}
