namespace Prism.Processor.Jobs;

/// <summary>
/// At most N jobs compute at once; waiting jobs are admitted highest priority first, then in arrival
/// order. The consumer takes more messages than it computes (prefetch), so a high-priority job that
/// arrives behind a flood of low-priority ones overtakes them here — on the in-memory bus, which has
/// no priority of its own, and inside the window RabbitMQ has already delivered.
/// </summary>
public sealed class PriorityGate(int slots)
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<TaskCompletionSource, (int NegativePriority, long Order)> _waiting = new();
    private readonly int _slots = slots;
    private int _free = slots;
    private long _order;

    public int Running { get { lock (_gate) return _slots - _free; } }

    /// <summary>Jobs in hand waiting for a slot (cancelled waiters may be counted until the next release).</summary>
    public int Waiting { get { lock (_gate) return _waiting.Count; } }

    public async Task<IDisposable> EnterAsync(int priority, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_free > 0 && _waiting.Count == 0)
            {
                _free--;
                return new Slot(this);
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter, (-priority, _order++));
        }

        using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            try
            {
                await waiter.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Cancelled while waiting; if the slot was handed over in the same instant, pass it on.
                lock (_gate)
                {
                    if (waiter.Task.IsCompletedSuccessfully) ReleaseLocked();
                }
                throw;
            }
        }
        return new Slot(this);
    }

    private void Release()
    {
        lock (_gate) ReleaseLocked();
    }

    private void ReleaseLocked()
    {
        while (_waiting.TryDequeue(out var next, out _))
        {
            if (next.TrySetResult()) return; // the slot passes straight to the next waiter
        }
        _free++;
    }

    private sealed class Slot(PriorityGate owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release();
        }
    }
}
