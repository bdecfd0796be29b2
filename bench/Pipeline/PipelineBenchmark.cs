using System.Diagnostics;
using System.Globalization;
using Prism.Pipeline.Ceilings;
using Prism.Pipeline.Load;
using Prism.Pipeline.Reporting;
using Prism.Pipeline.Services;
using Prism.TestSupport;

namespace Prism.Pipeline;

/// <summary>
/// One benchmark run: start the stack (or use the given URLs), warm it up, measure the peak (closed
/// loop) and a paced phase at half that rate, stop the stack, then measure the messaging ceilings on
/// the same machine and broker, and write <c>report.md</c> and <c>latency.png</c>.
/// </summary>
public static class PipelineBenchmark
{
    /// <summary>How long a started service may take to answer <c>/health/ready</c> with 200.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    public static async Task<(BenchmarkReport Report, string Folder)> RunAsync(BenchmarkSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = DateTimeOffset.UtcNow;
        var pacedJobs = settings.PacedPhase ? Math.Max(10, settings.Jobs / 2) : 0;
        var warmupJobs = Math.Clamp(settings.Jobs / 10, 10, 200);
        var workload = Workload.Create(settings.Kinds, warmupJobs + settings.Jobs + pacedJobs, settings.EntropyFrameSide, seed: 2026);
        var jobs = workload.Jobs;

        PhaseResult peak;
        PhaseResult? paced = null;
        var cpuPerJob = new Dictionary<string, double>();
        var machineLoad = "unknown";
        var scratch = Directory.CreateTempSubdirectory("prism-bench-");
        try
        {
            var services = await StartServicesAsync(settings, scratch.FullName, log, cancellationToken).ConfigureAwait(false);
            try
            {
                var ingest = settings.IngestUrl ?? services[^1].BaseAddress;
                var results = settings.ResultsUrl ?? settings.IngestUrl ?? services[0].BaseAddress;
                using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4096, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
                using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(100) };
                var driver = new LoadDriver(http, ingest, results);

                log.WriteLine(Inv($"warm-up: {warmupJobs} jobs, repeated for at least {settings.WarmupSeconds:0.#} s"));
                var warmup = await driver.WarmUpAsync([.. jobs.Take(warmupJobs)], settings.Concurrency, TimeSpan.FromSeconds(settings.WarmupSeconds), cancellationToken).ConfigureAwait(false);
                if (warmup.Errors == warmup.Jobs) throw new InvalidOperationException($"Every warm-up job failed: {string.Join("; ", warmup.ErrorSamples)}");
                log.WriteLine(Inv($"  {warmup.Jobs} jobs in {warmup.Seconds:F1} s, {warmup.CompletedPerSecond:F1} completed/s"));

                log.WriteLine($"peak: {settings.Jobs} jobs at concurrency {settings.Concurrency}");
                var loadBefore = LoadAverage();
                var cpuBefore = CpuSeconds(services, settings.Mode);
                peak = await driver.PeakAsync([.. jobs.Skip(warmupJobs).Take(settings.Jobs)], settings.Concurrency, cancellationToken).ConfigureAwait(false);
                foreach (var (name, after) in CpuSeconds(services, settings.Mode))
                {
                    if (cpuBefore.TryGetValue(name, out var before)) cpuPerJob[name] = (after - before) / settings.Jobs;
                }
                machineLoad = $"{loadBefore} at the start of the peak phase, {LoadAverage()} at its end";
                log.WriteLine(Inv($"  {peak.CompletedPerSecond:F1} completed/s, p50 {peak.P50Ms:F1} ms, p99 {peak.P99Ms:F1} ms, {peak.Errors} errors"));

                if (settings.PacedPhase && peak.CompletedPerSecond > 0)
                {
                    var rate = peak.CompletedPerSecond / 2;
                    log.WriteLine(Inv($"paced: {pacedJobs} jobs at {rate:F1} jobs/s"));
                    paced = await driver.PacedAsync([.. jobs.Skip(warmupJobs + settings.Jobs)], rate, cancellationToken).ConfigureAwait(false);
                    log.WriteLine(Inv($"  p50 {paced.P50Ms:F1} ms, p99 {paced.P99Ms:F1} ms, {paced.Errors} errors"));
                }
            }
            finally
            {
                foreach (var service in services) await service.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        // The stack is stopped first: the ceilings get the machine to themselves, as the pipeline had. Each
        // runs once unmeasured first, so its code is compiled too, as the services' was by their warm-up.
        var ceilings = new List<CeilingResult>();
        log.WriteLine($"ceilings: {settings.CeilingMessages} messages of {workload.MeanInputBytes} B each, after a warm-up run of each");
        var bytes = workload.MeanInputBytes;
        ceilings.Add(await WarmThenMeasureAsync(n => MassTransitCeiling.RunAsync(null, n, bytes, cancellationToken), settings.CeilingMessages).ConfigureAwait(false));
        if (settings.RabbitMq is { } amqp)
        {
            var vhost = await Scratch.VirtualHostAsync(amqp, settings.RabbitMqManagement, "ceiling", cancellationToken).ConfigureAwait(false);
            ceilings.Add(await WarmThenMeasureAsync(n => MassTransitCeiling.RunAsync(vhost, n, bytes, cancellationToken), settings.CeilingMessages).ConfigureAwait(false));
            ceilings.Add(await WarmThenMeasureAsync(n => RabbitMqClientCeiling.RunAsync(vhost, n, bytes, cancellationToken), settings.CeilingMessages).ConfigureAwait(false));
        }
        foreach (var c in ceilings) log.WriteLine(Inv($"  {c.Name}: {c.PerSecond:F0} msg/s"));

        var report = new BenchmarkReport(settings, startedAt, peak, paced, ceilings, cpuPerJob, workload.MeanInputBytes) { MachineLoad = machineLoad };
        var folder = Path.Combine(settings.ResultsFolder, $"{startedAt:yyyyMMdd-HHmmss}-{settings.Mode}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), report.ToMarkdown(), cancellationToken).ConfigureAwait(false);
        LatencyPlot.Save(Path.Combine(folder, "latency.png"), [peak, .. paced is null ? Array.Empty<PhaseResult>() : [paced]],
            $"Prism {settings.Mode}: submit → result latency");
        return (report, folder);
    }

    private static async Task<CeilingResult> WarmThenMeasureAsync(Func<int, Task<CeilingResult>> run, int messages)
    {
        await run(Math.Max(1, messages / 2)).ConfigureAwait(false);
        return await run(messages).ConfigureAwait(false);
    }

    private static async Task<List<ServiceProcess>> StartServicesAsync(BenchmarkSettings settings, string scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var started = new List<ServiceProcess>();
        if (settings.IngestUrl is not null) return started;

        var environment = new Dictionary<string, string> { ["Processor__Engine"] = "cpu" };
        foreach (var (key, value) in settings.ServiceSettings) environment[key] = value;
        try
        {
            if (settings.Mode == BenchmarkModes.Standalone)
            {
                environment["ConnectionStrings__results"] = $"Data Source={Path.Combine(scratch, "prism.db")}";
                log.WriteLine("starting Standalone");
                started.Add(await ServiceProcess.StartAsync("Standalone", environment, ReadyTimeout, cancellationToken).ConfigureAwait(false));
                return started;
            }

            var amqp = settings.RabbitMq ?? throw new ArgumentException("Distributed mode needs --rabbitmq (or PRISM_TEST_RABBITMQ).");
            var postgres = settings.Postgres ?? throw new ArgumentException("Distributed mode needs --postgres (or PRISM_TEST_POSTGRES).");
            environment["ConnectionStrings__rabbitmq"] = await Scratch.VirtualHostAsync(amqp, settings.RabbitMqManagement, "pipeline", cancellationToken).ConfigureAwait(false);
            environment["ConnectionStrings__results"] = await Scratch.DatabaseAsync(postgres, cancellationToken).ConfigureAwait(false);
            // Results first (it is the first in the list: the driver reads results from it), Ingest last.
            foreach (var service in new[] { "Results", "Processor", "Ingest" })
            {
                log.WriteLine($"starting {service}");
                started.Add(await ServiceProcess.StartAsync(service, environment, ReadyTimeout, cancellationToken).ConfigureAwait(false));
            }
            return started;
        }
        catch
        {
            foreach (var service in started) await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Dictionary<string, double> CpuSeconds(IEnumerable<ServiceProcess> services, string mode)
    {
        var seconds = services.ToDictionary(s => s.Name, s => s.HasExited ? double.NaN : s.CpuTime().TotalSeconds);
        using var self = Process.GetCurrentProcess();
        seconds["benchmark driver"] = self.TotalProcessorTime.TotalSeconds;
        // Standalone needs neither: a broker or database running here for something else would only add noise.
        if (mode == BenchmarkModes.Distributed) foreach (var (name, used) in LocalProcessCpu.Seconds()) seconds[name] = used;
        return seconds;
    }

    /// <summary>The 1-minute load average (Linux): how much else competed for the cores during the run.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
