using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prism.Compute;
using Prism.Processor;
using Prism.Processor.Jobs;

namespace Prism.UnitTests.Jobs;

/// <summary>The dynamic batcher with a fake clock: which jobs share an engine call, and when.</summary>
public sealed class When_jobs_of_a_kind_are_batched : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingHandler _handler = new();

    private static readonly Func<Task<bool>> Start = () => Task.FromResult(true);

    private KindBatcher Create(int maxSize, double maxDelayMs, int slots = 2) => Create(maxSize, maxDelayMs, new PriorityGate(slots));

    private KindBatcher Create(int maxSize, double maxDelayMs, PriorityGate gate)
    {
        var options = Options.Create(new ProcessorOptions { Engine = "cpu", MaxBatchSize = maxSize, MaxBatchDelayMs = maxDelayMs });
        var device = new ComputeDevice(options.Value.Engine, NullLogger<ComputeDevice>.Instance);
        return new KindBatcher(gate, options, new ProcessorMetrics(_services.GetRequiredService<IMeterFactory>(), device), _clock);
    }

    [Fact]
    public async Task A_full_batch_runs_at_once_and_the_rest_waits_for_the_delay()
    {
        var batcher = Create(maxSize: 4, maxDelayMs: 2);
        var jobs = Enumerable.Range(0, 10).Select(i => batcher.ExecuteAsync(_handler, $"job-{i}", 0, null, Start, CancellationToken.None)).ToArray();

        // Two batches filled up; the clock has not moved, so the last two jobs still wait.
        await Task.WhenAll(jobs[..8]);
        Assert.Equal([4, 4], _handler.BatchSizes);
        Assert.All(jobs[8..], j => Assert.False(j.IsCompleted));

        _clock.Advance(TimeSpan.FromMilliseconds(1.9));
        Assert.All(jobs[8..], j => Assert.False(j.IsCompleted));
        _clock.Advance(TimeSpan.FromMilliseconds(0.1));
        await Task.WhenAll(jobs[8..]);

        Assert.Equal([4, 4, 2], _handler.BatchSizes);
        for (var i = 0; i < jobs.Length; i++) Assert.Equal($"job-{i}!", await jobs[i]);
    }

    [Fact]
    public async Task A_batch_whose_delay_is_over_before_its_first_job_is_in_still_runs_that_job()
    {
        // A zero delay is over at once, like a 2 ms one on a machine that descheduled the thread opening
        // the batch for longer than that: the batch must not close before the job that opened it is in.
        var batcher = Create(maxSize: 8, maxDelayMs: 0);
        var jobs = Enumerable.Range(0, 5).Select(i => batcher.ExecuteAsync(_handler, $"job-{i}", 0, null, Start, CancellationToken.None)).ToArray();

        var all = Task.WhenAll(jobs);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10))));
        for (var i = 0; i < jobs.Length; i++) Assert.Equal($"job-{i}!", await jobs[i]);
    }

    [Fact]
    public async Task A_job_cancelled_before_its_batch_runs_is_left_out_and_the_others_complete()
    {
        var batcher = Create(maxSize: 8, maxDelayMs: 2);
        using var cancel = new CancellationTokenSource();
        var kept = batcher.ExecuteAsync(_handler, "a", 0, null, Start, CancellationToken.None);
        var cancelled = batcher.ExecuteAsync(_handler, "b", 0, null, Start, cancel.Token);
        var alsoKept = batcher.ExecuteAsync(_handler, "c", 0, null, Start, CancellationToken.None);

        await cancel.CancelAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(2));

        Assert.Equal("a!", await kept);
        Assert.Equal("c!", await alsoKept);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal([["a", "c"]], _handler.Batches);
    }

    [Fact]
    public async Task A_failing_job_fails_alone_and_its_batch_mates_get_their_results()
    {
        var batcher = Create(maxSize: 3, maxDelayMs: 2);
        var jobs = new[] { "a", "bad", "c" }.Select(i => batcher.ExecuteAsync(_handler, i, 0, null, Start, CancellationToken.None)).ToArray();

        Assert.Equal("a!", await jobs[0]);
        Assert.Equal("c!", await jobs[2]);
        var failure = await Assert.ThrowsAsync<JobFailureException>(() => jobs[1]);
        Assert.Equal("invalid_input", failure.Code);
        // The batch call failed, then each job ran on its own.
        Assert.Equal([["a", "bad", "c"]], _handler.Batches);
        Assert.Equal(["a", "bad", "c"], _handler.Singles);
    }

    [Fact]
    public async Task Each_engine_call_is_measured_with_its_batch_size()
    {
        var sizes = new List<int>();
        var executions = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProcessorMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "prism.processor.batch_size") lock (sizes) sizes.Add(value);
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "prism.processor.executions") Interlocked.Add(ref executions, value);
        });
        listener.Start();

        var batcher = Create(maxSize: 5, maxDelayMs: 2);
        var jobs = Enumerable.Range(0, 7).Select(i => batcher.ExecuteAsync(_handler, $"{i}", 0, null, Start, CancellationToken.None)).ToArray();
        await Task.WhenAll(jobs[..5]);
        _clock.Advance(TimeSpan.FromMilliseconds(2));
        await Task.WhenAll(jobs);

        Assert.Equal([5, 2], sizes);
        Assert.Equal(2, Interlocked.Read(ref executions));
    }

    [Fact]
    public async Task Jobs_start_only_once_their_batch_holds_a_compute_slot_and_one_that_declines_is_left_out()
    {
        var gate = new PriorityGate(1);
        var batcher = Create(maxSize: 3, maxDelayMs: 2, gate);
        var started = new List<string>();
        Func<Task<bool>> StartOf(string name, bool go) => () =>
        {
            lock (started) started.Add(name);
            return Task.FromResult(go);
        };

        var holder = await gate.EnterAsync(0, CancellationToken.None);
        var a = batcher.ExecuteAsync(_handler, "a", 0, null, StartOf("a", true), CancellationToken.None);
        var late = batcher.ExecuteAsync(_handler, "late", 0, null, StartOf("late", false), CancellationToken.None);
        var c = batcher.ExecuteAsync(_handler, "c", 0, null, StartOf("c", true), CancellationToken.None);
        Assert.True(await Eventually.True(() => gate.Waiting == 1, seconds: 10), "the full batch should wait for the slot");
        Assert.Empty(started);

        holder.Dispose();
        Assert.Equal("a!", await a);
        Assert.Equal("c!", await c);
        Assert.Same(KindBatcher.NotStarted, await late);
        Assert.Equal(["a", "c", "late"], started.Order());
        Assert.Equal([["a", "c"]], _handler.Batches);
    }

    [Fact]
    public async Task A_running_batch_computes_while_any_job_wants_it_and_stops_when_none_does()
    {
        var batcher = Create(maxSize: 2, maxDelayMs: 2);
        var handler = new UntilCancelledHandler();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var a = batcher.ExecuteAsync(handler, "a", 0, null, Start, first.Token);
        var b = batcher.ExecuteAsync(handler, "b", 0, null, Start, second.Token);
        await handler.Running.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await first.CancelAsync();
        await Task.Delay(50);
        Assert.False(handler.Stopped.Task.IsCompleted, "the batch stopped while job b still wanted its result");

        await second.CancelAsync();
        await handler.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
    }

    [Fact]
    public void A_maximum_size_of_one_turns_batching_off()
    {
        Assert.False(Create(maxSize: 1, maxDelayMs: 2).Enabled);
        Assert.True(Create(maxSize: 2, maxDelayMs: 2).Enabled);
    }

    public void Dispose() => _services.Dispose();

    /// <summary>A batch call that computes until its token is cancelled, and says when it started and stopped.</summary>
    private sealed class UntilCancelledHandler : IBatchKindHandler
    {
        public string Kind => "test.endless";
        public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<object> ExecuteAsync(object input, CancellationToken cancellationToken) => throw new InvalidOperationException("only batches here");

        public async Task<IReadOnlyList<object>> ExecuteBatchAsync(IReadOnlyList<object> inputs, CancellationToken cancellationToken)
        {
            Running.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return [];
            }
            finally
            {
                Stopped.TrySetResult();
            }
        }
    }

    /// <summary>Appends "!" to each input; a batch holding "bad" throws, and "bad" alone fails as invalid input.</summary>
    private sealed class RecordingHandler : IBatchKindHandler
    {
        private readonly Lock _lock = new();

        public string Kind => "test.kind";
        public List<string[]> Batches { get; } = [];
        public List<int> BatchSizes { get { lock (_lock) return [.. Batches.Select(b => b.Length)]; } }
        public List<string> Singles { get; } = [];

        public Task<object> ExecuteAsync(object input, CancellationToken cancellationToken)
        {
            lock (_lock) Singles.Add((string)input);
            return (string)input == "bad"
                ? throw new JobFailureException("invalid_input", "bad input")
                : Task.FromResult<object>((string)input + "!");
        }

        public Task<IReadOnlyList<object>> ExecuteBatchAsync(IReadOnlyList<object> inputs, CancellationToken cancellationToken)
        {
            var batch = inputs.Cast<string>().ToArray();
            lock (_lock) Batches.Add(batch);
            if (batch.Contains("bad")) throw new InvalidOperationException("one input of the batch is bad");
            return Task.FromResult<IReadOnlyList<object>>([.. batch.Select(s => (object)(s + "!"))]);
        }
    }
}
