using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prism.Compute;
using Prism.Contracts;
using Prism.Contracts.Validation;
using Prism.Processor;
using Prism.ServiceDefaults.Messaging;

namespace Prism.GpuCheck;

/// <summary>
/// The processor itself — the same <c>AddProcessor()</c> and <c>AddPrismBus()</c> the services run,
/// on MassTransit's in-memory bus — with the ILGPU engines selected: many generated jobs of every kind
/// are published as <see cref="JobSubmitted"/>, and each <see cref="JobCompleted"/> is compared with
/// what the managed CPU handler computes for the same input. Then the end-to-end rate of tiny jobs:
/// ILGPU with the processor's batching, ILGPU one job per launch, and the CPU engine.
/// </summary>
internal static class PipelineCheck
{
    public static async Task<int> RunAsync(string engine, int jobsPerKind, int tinyJobs)
    {
        var failures = 0;
        using var cpuDevice = new ComputeDevice(EngineNames.Cpu, NullLogger<ComputeDevice>.Instance);
        await using var cpuHandlers = KindChecks.Handlers(cpuDevice);
        var managed = cpuHandlers.GetServices<IKindHandler>().ToDictionary(h => h.Kind, StringComparer.Ordinal);

        await using (var processor = await ProcessorHost.StartAsync(engine, maxBatchSize: 64))
        {
            Console.WriteLine($"processor on the in-memory bus: engine {processor.Engine}, device {processor.DeviceName}; {jobsPerKind} generated jobs per kind");
            var random = new Random(2026_12_04);
            foreach (var kind in managed.Keys.Order(StringComparer.Ordinal))
            {
                var inputs = Enumerable.Range(0, jobsPerKind).Select(_ => JsonSerializer.SerializeToElement(KindInputs.Generate(kind, random, large: false))).ToArray();
                var clock = Stopwatch.StartNew();
                var outcomes = await processor.RunAsync(kind, inputs);
                var seconds = clock.Elapsed.TotalSeconds;

                int agreed = 0, failed = 0;
                var worst = 0.0;
                string? firstProblem = null;
                for (var i = 0; i < inputs.Length; i++)
                {
                    // A job the CPU handler refuses or fails must fail on the GPU with the same code, and vice versa.
                    var expected = await ExpectedAsync(managed[kind], kind, inputs[i]);
                    if (outcomes[i] is JobFailed f) failed++;
                    var (same, difference) = (expected, outcomes[i]) switch
                    {
                        (string code, JobFailed gpu) => (gpu.ErrorCode == code, $"job {i} failed with {gpu.ErrorCode}, the CPU handler with {code}"),
                        (string code, _) => (false, $"job {i} completed, the CPU handler failed with {code}"),
                        (_, JobFailed gpu) => (false, $"job {i} failed: {gpu.ErrorCode}: {gpu.ErrorMessage}"),
                        (JsonElement cpu, JobCompleted gpu) => Compared(cpu, gpu.Result, i, ref worst),
                        _ => (false, $"job {i}: unexpected outcome {outcomes[i].GetType().Name}"),
                    };
                    if (same) agreed++;
                    else firstProblem ??= difference;
                }
                var ok = agreed == inputs.Length;
                if (!ok) failures++;
                Console.WriteLine(Inv($"{(ok ? "PASS" : "FAIL")} processor {kind}: {agreed}/{inputs.Length} outcomes = CPU handler's (max relative difference {worst:E1}; {failed} failed on both with the same code); {inputs.Length / seconds:F0} jobs/s end to end{(firstProblem is null ? "" : "; first problem: " + firstProblem)}"));
            }
        }

        // Tiny pixels.entropy jobs (32×32, window 3): the batched GPU path against one launch per job and the CPU engine.
        var tiny = Enumerable.Range(0, tinyJobs).Select(_ => JsonSerializer.SerializeToElement(TinyFrame())).ToArray();
        var rates = new List<string>();
        foreach (var (label, hostEngine, batch) in new[] { ("ILGPU batched ×64", engine, 64), ("ILGPU unbatched", engine, 1), ("CPU engine", EngineNames.Cpu, 64) })
        {
            await using var processor = await ProcessorHost.StartAsync(hostEngine, batch);
            await processor.RunAsync("pixels.entropy", tiny[..Math.Min(256, tiny.Length)]); // warm-up: kernel compile, JIT tiers
            var clock = Stopwatch.StartNew();
            var outcomes = await processor.RunAsync("pixels.entropy", tiny);
            var rate = tiny.Length / clock.Elapsed.TotalSeconds;
            var completed = outcomes.Count(o => o is JobCompleted);
            if (completed != tiny.Length) failures++;
            rates.Add(Inv($"{label} {rate:F0} jobs/s ({completed}/{tiny.Length} completed)"));
        }
        Console.WriteLine($"processor end to end, {tinyJobs} tiny pixels.entropy jobs (32×32, window 3) published at once: {string.Join("; ", rates)}");
        return failures;
    }

    /// <summary>The CPU handler's outcome: its result as a JSON tree, or the error code the processor would fail the job with.</summary>
    private static async Task<object> ExpectedAsync(IKindHandler handler, string kind, JsonElement input)
    {
        var parsed = JobKindCatalog.BuiltIn.Find(kind)!.Parse(input);
        if (!parsed.IsValid) return ErrorCodes.InvalidInput;
        // The same classification as JobRunner's: a kind's own failure code, or computation_failed for a fault the
        // input repeats and for a result JSON cannot carry.
        try
        {
            var output = await handler.ExecuteAsync(parsed.Input!, CancellationToken.None);
            return ComputationFaults.TrySerialize(output, out var utf8) ? JsonSerializer.Deserialize<JsonElement>(utf8) : ErrorCodes.ComputationFailed;
        }
        catch (JobFailureException failure)
        {
            return failure.Code;
        }
        catch (Exception fault) when (ComputationFaults.IsDeterministic(fault))
        {
            return ErrorCodes.ComputationFailed;
        }
    }

    private static (bool Same, string Problem) Compared(JsonElement expected, JsonElement actual, int job, ref double worst)
    {
        var difference = OutputComparison.Compare(expected, actual);
        if (difference.Mismatch is null) worst = Math.Max(worst, difference.Relative);
        return (difference.Agrees(), $"job {job}: {difference.Describe()}");
    }

    private static JsonObject TinyFrame()
    {
        var random = Random.Shared;
        var pixels = new JsonArray();
        for (var i = 0; i < 32 * 32; i++) pixels.Add(random.Next(0, 4096));
        return new() { ["width"] = 32, ["height"] = 32, ["pixels"] = pixels, ["window"] = 3, ["bins"] = 16 };
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One processor host: its bus, and the outcomes it publishes, by job id.</summary>
    private sealed class ProcessorHost(IHost host) : IAsyncDisposable
    {
        public string Engine => host.Services.GetRequiredService<ComputeDevice>().Engine;
        public string DeviceName => host.Services.GetRequiredService<ComputeDevice>().DeviceName;

        public static async Task<ProcessorHost> StartAsync(string engine, int maxBatchSize)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Processor:Engine"] = engine,
                ["Processor:MaxBatchSize"] = maxBatchSize.ToString(CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:MassTransit"] = "Warning",
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole();
            builder.Services.AddSingleton<Outcomes>();
            builder.AddProcessor();
            builder.AddBusConsumers(x => x.AddConsumer<OutcomeConsumer>());
            builder.AddPrismBus();
            var host = builder.Build();
            await host.StartAsync();
            await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
            return new ProcessorHost(host);
        }

        /// <summary>Publishes every input as a job, all at once, and waits for each one's outcome (10 minutes at most).</summary>
        public async Task<object[]> RunAsync(string kind, IReadOnlyList<JsonElement> inputs)
        {
            var outcomes = host.Services.GetRequiredService<Outcomes>();
            var bus = host.Services.GetRequiredService<IBus>();
            var ids = inputs.Select(_ => NewId.NextGuid()).ToArray();
            var waits = ids.Select(outcomes.Expect).ToArray();
            await Task.WhenAll(inputs.Select((input, i) => bus.Publish(new JobSubmitted { JobId = ids[i], Kind = kind, Input = input, SubmittedAt = DateTimeOffset.UtcNow })));
            return await Task.WhenAll(waits).WaitAsync(TimeSpan.FromMinutes(10));
        }

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    internal sealed class Outcomes
    {
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource<object>> _pending = new();

        public Task<object> Expect(Guid jobId) => _pending.GetOrAdd(jobId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public void Record(Guid jobId, object outcome)
        {
            if (_pending.TryGetValue(jobId, out var wait)) wait.TrySetResult(outcome);
        }
    }

    internal sealed class OutcomeConsumer(Outcomes outcomes) : IConsumer<JobCompleted>, IConsumer<JobFailed>
    {
        public Task Consume(ConsumeContext<JobCompleted> context)
        {
            outcomes.Record(context.Message.JobId, context.Message);
            return Task.CompletedTask;
        }

        public Task Consume(ConsumeContext<JobFailed> context)
        {
            outcomes.Record(context.Message.JobId, context.Message);
            return Task.CompletedTask;
        }
    }
}
