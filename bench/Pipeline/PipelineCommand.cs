using System.CommandLine;
using System.Globalization;
using Npgsql;
using Prism.Pipeline.Reporting;
using RabbitMQ.Client.Exceptions;

namespace Prism.Pipeline;

/// <summary>The command line of <c>dotnet run --project bench/Pipeline -- …</c>.</summary>
public static class PipelineCommand
{
    public static RootCommand Create()
    {
        var mode = new Option<string>("--mode") { Description = "standalone (one process, in-memory bus, SQLite) or distributed (Ingest, Processor, Results over RabbitMQ and PostgreSQL).", DefaultValueFactory = _ => BenchmarkModes.Standalone };
        mode.AcceptOnlyFromAmong(BenchmarkModes.Standalone, BenchmarkModes.Distributed);
        var jobs = new Option<int>("--jobs", "-n") { Description = "Jobs in the peak phase (the paced phase runs half as many).", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Jobs in flight at once in the peak phase.", DefaultValueFactory = _ => 32 };
        var kinds = new Option<string>("--kinds", "-k") { Description = "Kind mix with weights: pixels.entropy=3,timeseries.forecast=1 (weight 1 when left out).", DefaultValueFactory = _ => "pixels.entropy" };
        var warmup = new Option<double>("--warmup-seconds") { Description = "Run the warm-up (not measured) at least this long, so the services' code is JIT-compiled before the peak.", DefaultValueFactory = _ => 20 };
        var frame = new Option<int>("--entropy-frame") { Description = "Side of the generated pixels.entropy frames.", DefaultValueFactory = _ => 32 };
        var ingest = new Option<string?>("--ingest-url") { Description = "Ingest of a stack already running (nothing is started)." };
        var results = new Option<string?>("--results-url") { Description = "Results of that stack (defaults to --ingest-url, as for Standalone)." };
        var rabbit = new Option<string?>("--rabbitmq") { Description = "amqp:// URI of the broker (default $PRISM_TEST_RABBITMQ).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PRISM_TEST_RABBITMQ") };
        var management = new Option<string?>("--rabbitmq-management") { Description = "Management URL with credentials, for fresh virtual hosts (default $PRISM_TEST_RABBITMQ_MANAGEMENT).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PRISM_TEST_RABBITMQ_MANAGEMENT") };
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of the server; each run creates its own database (default $PRISM_TEST_POSTGRES).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PRISM_TEST_POSTGRES") };
        var ceiling = new Option<int>("--ceiling-messages") { Description = "Messages per ceiling measurement.", DefaultValueFactory = _ => 20_000 };
        var noPaced = new Option<bool>("--no-paced") { Description = "Skip the paced phase at half of peak throughput." };
        var set = new Option<string[]>("--set") { Description = "A setting for every started service, e.g. --set Processor__MaxBatchSize=1 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--results", "-o") { Description = "Folder for <timestamp>-<mode>/report.md and latency.png.", DefaultValueFactory = _ => "results" };
        var label = new Option<string?>("--label") { Description = "Names the run in the report." };

        var command = new RootCommand("Prism pipeline benchmark: drives the REST API and compares the throughput with MassTransit's and RabbitMQ's bare rates measured in the same run.")
        {
            mode, jobs, concurrency, kinds, warmup, frame, ingest, results, rabbit, management, postgres, ceiling, noPaced, set, output, label,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new BenchmarkSettings
            {
                Mode = parse.GetValue(mode)!,
                Jobs = parse.GetValue(jobs),
                Concurrency = parse.GetValue(concurrency),
                Kinds = ParseKinds(parse.GetValue(kinds)!),
                WarmupSeconds = parse.GetValue(warmup),
                EntropyFrameSide = parse.GetValue(frame),
                IngestUrl = parse.GetValue(ingest) is { } i ? new Uri(i) : null,
                ResultsUrl = parse.GetValue(results) is { } r ? new Uri(r) : null,
                RabbitMq = parse.GetValue(rabbit),
                RabbitMqManagement = parse.GetValue(management),
                Postgres = parse.GetValue(postgres),
                CeilingMessages = parse.GetValue(ceiling),
                PacedPhase = !parse.GetValue(noPaced),
                ServiceSettings = (parse.GetValue(set) ?? []).Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
                ResultsFolder = parse.GetValue(output)!,
                Label = parse.GetValue(label),
            };
            BenchmarkReport report;
            string folder;
            try
            {
                (report, folder) = await PipelineBenchmark.RunAsync(settings, Console.Out, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or NpgsqlException or BrokerUnreachableException)
            {
                // A service that is not there is a setup problem, not a benchmark failure: say which, not a stack trace.
                await Console.Error.WriteLineAsync($"bench: a service could not be reached: {ex.Message}");
                if (settings.Mode == BenchmarkModes.Distributed)
                {
                    await Console.Error.WriteLineAsync("bench: distributed mode needs RabbitMQ (with its management API) and PostgreSQL: eval \"$(scripts/services.sh start)\" starts them and sets PRISM_TEST_RABBITMQ(_MANAGEMENT) and PRISM_TEST_POSTGRES.");
                }
                return 2;
            }
            Console.WriteLine();
            Console.WriteLine(report.ToMarkdown());
            Console.WriteLine($"report: {Path.GetFullPath(Path.Combine(folder, "report.md"))}");
            Console.WriteLine($"plot:   {Path.GetFullPath(Path.Combine(folder, "latency.png"))}");
            return report.Peak.Errors + (report.Paced?.Errors ?? 0) == 0 ? 0 : 1;
        });
        return command;
    }

    public static Dictionary<string, int> ParseKinds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? int.Parse(p[1], CultureInfo.InvariantCulture) : 1);
    }
}
