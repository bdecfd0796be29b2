using System.CommandLine;
using Prism.Cli.Output;
using Prism.Client;
using Prism.Contracts;
using Prism.Contracts.Api;
using Spectre.Console;

namespace Prism.Cli.Commands;

/// <summary><c>prism watch [--kind k] [--job id] [--count n]</c>: the live job event stream.</summary>
public static class WatchCommand
{
    private const int LiveRows = 25;

    public static Command Create(CommandRunner runner)
    {
        var kind = new Option<string?>("--kind", "-k") { Description = "Only jobs of this kind." };
        var job = new Option<Guid?>("--job", "-j") { Description = "Only this job, from its first event; exits when it finishes (0 succeeded, 1 failed or cancelled)." };
        var count = new Option<int?>("--count", "-n") { Description = "Exit after this many events." };
        var after = new Option<long?>("--after") { Description = "Resume after this event id (Last-Event-ID)." };
        count.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--count must be at least 1."); });

        var command = new Command("watch", "Follow job events live (server-sent events, resumed automatically after a dropped connection).") { kind, job, count, after };
        runner.Bind(command, (context, parse, cancellationToken) => WatchAsync(context,
            new EventFilter { Kind = parse.GetValue(kind), JobId = parse.GetValue(job), LastEventId = parse.GetValue(after) },
            parse.GetValue(count), cancellationToken));
        return command;
    }

    private static async Task<int> WatchAsync(CommandContext context, EventFilter filter, int? count, CancellationToken cancellationToken)
    {
        var sink = EventSink.For(context.Terminal);
        var seen = 0;
        int? exit = null;
        try
        {
            await sink.RunAsync(async show =>
            {
                await foreach (var e in context.Client.SubscribeAsync(filter, cancellationToken).ConfigureAwait(false))
                {
                    show(e);
                    seen++;
                    if (filter.JobId == e.JobId && JobStatus.IsTerminal(e.Status))
                    {
                        exit = Views.IsFailure(e.Status) ? ExitCodes.JobFailed : ExitCodes.Ok;
                        return;
                    }
                    if (seen >= count) return;
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how an open-ended watch ends.
            return filter.JobId is null ? ExitCodes.Ok : ExitCodes.Interrupted;
        }
        return exit ?? ExitCodes.Ok;
    }

    /// <summary>Shows events as they come: a live table on a terminal, one line (or JSON line) each otherwise.</summary>
    private abstract class EventSink
    {
        public static EventSink For(Terminal terminal) =>
            terminal.Json ? new JsonLines(terminal) : terminal.Interactive ? new LiveTable(terminal) : new PlainLines(terminal);

        public abstract Task RunAsync(Func<Action<JobEvent>, Task> body);

        private sealed class JsonLines(Terminal terminal) : EventSink
        {
            public override Task RunAsync(Func<Action<JobEvent>, Task> body) => body(terminal.WriteJsonLine);
        }

        private sealed class PlainLines(Terminal terminal) : EventSink
        {
            public override Task RunAsync(Func<Action<JobEvent>, Task> body)
            {
                terminal.Out.WriteLine("id  at  type  status  kind  job  error");
                terminal.Out.Flush();
                return body(e =>
                {
                    terminal.Out.WriteLine(Views.EventLine(e));
                    terminal.Out.Flush();
                });
            }
        }

        private sealed class LiveTable(Terminal terminal) : EventSink
        {
            public override Task RunAsync(Func<Action<JobEvent>, Task> body)
            {
                var table = Views.EventTable(terminal.Border);
                var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
                return terminal.Console.Live(table).StartAsync(live => body(e =>
                {
                    table.AddRow(Views.EventCells(e));
                    while (table.Rows.Count > LiveRows) table.Rows.RemoveAt(0);
                    byType[e.Type] = byType.GetValueOrDefault(e.Type) + 1;
                    table.Caption = new TableTitle(string.Join("   ", byType.Select(t => $"{t.Key}: {t.Value}")));
                    live.Refresh();
                }));
            }
        }
    }
}
