using System.Collections.Concurrent;

namespace Prism.Processor.Jobs;

/// <summary>
/// Cancel requests this processor heard of: running jobs are stopped at their next safe point
/// (engines check the token between chunks and kernel launches); jobs not started yet are
/// remembered for an hour, so a queued job that arrives later never runs.
/// </summary>
public sealed class CancellationRegistry(TimeProvider clock)
{
    private static readonly TimeSpan Remember = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _cancelled = new();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public void Cancel(Guid jobId)
    {
        _cancelled[jobId] = clock.GetUtcNow();
        if (_running.TryGetValue(jobId, out var running)) running.Cancel();
        Forget();
    }

    public bool IsCancelled(Guid jobId) => _cancelled.ContainsKey(jobId);

    /// <summary>Registers a job as running; its token fires when a cancel arrives. Dispose when it ends.</summary>
    public RunningJob Start(Guid jobId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[jobId] = source;
        if (IsCancelled(jobId)) source.Cancel(); // the cancel raced the start
        return new RunningJob(this, jobId, source);
    }

    private void Forget()
    {
        var cutoff = clock.GetUtcNow() - Remember;
        foreach (var (id, at) in _cancelled)
        {
            if (at < cutoff) _cancelled.TryRemove(id, out _);
        }
    }

    /// <summary>A job between its start and its end; <see cref="Token"/> stops it.</summary>
    public sealed class RunningJob(CancellationRegistry owner, Guid jobId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner._running.TryRemove(jobId, out _);
            source.Dispose();
        }
    }
}
