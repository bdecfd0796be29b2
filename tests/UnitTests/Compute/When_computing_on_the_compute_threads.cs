using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Prism.Compute;

namespace Prism.UnitTests.Compute;

public sealed partial class When_computing_on_the_compute_threads
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_parallel_loop_started_from_the_thread_pool_runs_every_iteration_on_a_compute_thread()
    {
        var threads = new ConcurrentBag<(bool Compute, bool Pool)>();
        await Task.Run(() => Parallel.For(0, 200, ComputeThreads.Options(TestContext.Current.CancellationToken), _ =>
        {
            threads.Add((ComputeThreads.IsComputeThread, Thread.CurrentThread.IsThreadPoolThread));
            Thread.SpinWait(10_000);
        }), TestContext.Current.CancellationToken);

        Assert.Equal(200, threads.Count);
        Assert.All(threads, t => Assert.Equal((true, false), t));
    }

    [Fact]
    public async Task RunAsync_computes_on_a_compute_thread_and_its_caller_resumes_on_the_thread_pool()
    {
        var computedOn = await ComputeThreads.RunAsync(() => (ComputeThreads.IsComputeThread, Thread.CurrentThread.IsThreadPoolThread), TestContext.Current.CancellationToken);

        Assert.Equal((true, false), computedOn);
        Assert.False(ComputeThreads.IsComputeThread);
        Assert.True(Thread.CurrentThread.IsThreadPoolThread);
    }

    [Fact]
    public async Task RunAsync_does_not_start_work_whose_token_is_already_cancelled()
    {
        var ran = false;
        var cancelled = new CancellationToken(canceled: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ComputeThreads.RunAsync(() => ran = true, cancelled));
        Assert.False(ran);
    }

    [Fact]
    public async Task Many_more_concurrent_loops_than_compute_threads_all_finish()
    {
        // Every compute thread runs a loop that waits for the workers it queued: they must run it themselves.
        var loops = Enumerable.Range(0, 4 * ComputeThreads.Shared.MaximumConcurrencyLevel).Select(n => ComputeThreads.RunAsync(() =>
        {
            long sum = 0;
            Parallel.For(0, 1000, ComputeThreads.Options(CancellationToken.None), i => Interlocked.Add(ref sum, i % 7 + n));
            return sum;
        }, CancellationToken.None));

        var sums = await Task.WhenAll(loops).WaitAsync(Hang, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, sums.Length).Select(n => Enumerable.Range(0, 1000).Sum(i => (long)(i % 7 + n))), sums);
    }

    [Fact]
    public async Task Timers_fire_on_time_while_every_compute_thread_runs_a_long_loop()
    {
        // The failure this guards against: a loop on the thread pool held it for seconds, so a 100 ms
        // delay resumed 5–7 s late (and a job's start, cancel and time limit came after it had finished).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(Hang);
        var loop = ComputeThreads.RunAsync(() =>
        {
            try
            {
                Parallel.For(0, int.MaxValue, ComputeThreads.Options(stop.Token), _ => Thread.SpinWait(50_000));
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        }, CancellationToken.None);

        var latest = TimeSpan.Zero;
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            await Task.Delay(20, TestContext.Current.CancellationToken);
            latest = TimeSpan.FromTicks(Math.Max(latest.Ticks, clock.Elapsed.Ticks));
        }
        var stillRunning = !loop.IsCompleted;
        await stop.CancelAsync();
        await loop;

        Assert.True(stillRunning, "The loop ended before the timers were measured.");
        Assert.True(latest < TimeSpan.FromSeconds(2), $"A 20 ms delay took {latest.TotalMilliseconds:F0} ms while the compute threads were busy.");
    }

    [Fact]
    public void Every_parallel_loop_of_the_processor_runs_on_the_compute_threads()
    {
        // The processor's own code and the compute library it runs the kinds from.
        var sources = new[] { "Processor", "Compute" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Repository.Root, f), File.ReadAllText);
        var loops = sources.SelectMany(s => ParallelLoop().Matches(s.Value).Select(m => (File: s.Key, Call: m.Value))).ToList();

        Assert.NotEmpty(loops);
        // A loop given ParallelOptions of its own (or none) runs on the thread pool: see ComputeThreads.
        Assert.All(loops, l => Assert.True(l.Call.Contains("ComputeThreads.Options(", StringComparison.Ordinal) || OptionsArgument().IsMatch(l.Call),
            $"{l.File}: {l.Call}"));
        Assert.All(sources, s => Assert.False(s.Value.Contains("new ParallelOptions", StringComparison.Ordinal), $"{s.Key} makes ParallelOptions of its own."));
    }

    /// <summary>A Parallel.For/ForEach call up to its first lambda: where its options are given.</summary>
    [GeneratedRegex(@"Parallel\.For(Each)?\([^;]*?=>")]
    private static partial Regex ParallelLoop();

    /// <summary>An <c>options</c> local passed as an argument (declared from ComputeThreads.Options, which the no-new-ParallelOptions rule enforces).</summary>
    [GeneratedRegex(@",\s*options\s*,")]
    private static partial Regex OptionsArgument();
}
