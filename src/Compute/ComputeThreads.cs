using System.Collections.Concurrent;

namespace Prism.Compute;

/// <summary>
/// The threads every CPU computation runs on: one per core, apart from the .NET thread pool.
/// A parallel loop run on the thread pool takes every pool thread it can get and keeps it busy; its
/// workers yield and requeue, so the pool sees progress and adds no thread for the work queued behind
/// them. Timers, broker I/O and cancel messages then wait seconds for a thread: a job's start
/// announcement, its cancel and its time limit were all seen only once it had finished (a 100 ms
/// Task.Delay measured resuming 5–7 s late beside one such loop on 2 cores). Here, loops share the
/// cores with each other, and the pool stays free for the work that tells them when to stop.
/// </summary>
public sealed class ComputeThreads : TaskScheduler
{
    /// <summary>The process's compute threads (a process has one set, however many hosts it runs).</summary>
    public static ComputeThreads Shared { get; } = new(Environment.ProcessorCount);

    [ThreadStatic] private static bool _isComputeThread;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly int _threads;

    private ComputeThreads(int threads)
    {
        _threads = threads;
        for (var i = 0; i < threads; i++) new Thread(Work) { IsBackground = true, Name = $"prism-compute-{i}" }.Start();
    }

    /// <summary>True on one of the compute threads.</summary>
    public static bool IsComputeThread => _isComputeThread;

    public override int MaximumConcurrencyLevel => _threads;

    /// <summary>Options for a parallel loop: its workers run on the compute threads, and it stops at <paramref name="cancellationToken"/>.</summary>
    public static ParallelOptions Options(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken, TaskScheduler = Shared };

    /// <summary>Runs <paramref name="compute"/> on a compute thread; the caller resumes on the thread pool, not on it.</summary>
    public static Task<T> RunAsync<T>(Func<Task<T>> compute, CancellationToken cancellationToken)
    {
        // HideScheduler: code inside sees the default scheduler, so a task it starts without saying where
        // (a library's, say) goes to the pool and does not queue behind the loops here.
        var running = Task.Factory.StartNew(compute, cancellationToken, TaskCreationOptions.DenyChildAttach | TaskCreationOptions.HideScheduler, Shared).Unwrap();
        // An awaiter of a task that completes on a compute thread would otherwise go on there, publishing and
        // waiting for the broker on a thread meant for computing.
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        running.ContinueWith(static (done, state) => ((TaskCompletionSource<T>)state!).SetFromTask(done), outcome,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return outcome.Task;
    }

    /// <inheritdoc cref="RunAsync{T}(Func{Task{T}}, CancellationToken)"/>
    public static Task<T> RunAsync<T>(Func<T> compute, CancellationToken cancellationToken) =>
        RunAsync(() => Task.FromResult(compute()), cancellationToken);

    private void Work()
    {
        _isComputeThread = true;
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    // A loop waits for the workers it queued. On a compute thread it runs a waiting one itself: with every
    // compute thread waiting so, none would be free to run it. Elsewhere it waits, so compute never runs on
    // more threads than there are cores.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => _isComputeThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();
}
