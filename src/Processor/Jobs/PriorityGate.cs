namespace Prism.Processor.Jobs;

/// <summary>
/// At most N jobs compute at once. Waiting jobs are admitted highest priority first; within a
/// priority, round-robin between tenants — the tenant whose last job was admitted longest ago goes
/// next — then in arrival order. So one tenant's backlog delays another tenant's job by at most one
/// running job's time: when a slot frees, a tenant with a job waiting that has not been served since
/// the backlog's owner was goes first. The consumer takes more messages than it computes (prefetch),
/// so a high-priority job that arrives behind a flood of low-priority ones overtakes them here — on
/// the in-memory bus, which has no priority of its own, and inside the window RabbitMQ has already
/// delivered; fairness between tenants holds inside that same window.
/// </summary>
public sealed class PriorityGate(int slots)
{
    /// <summary>Tenants remembered for round-robin beyond those waiting; older ones are forgotten (as if never served).</summary>
    private const int MaxRememberedTenants = 4096;

    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiting = [];
    private readonly Dictionary<string, long> _lastAdmitted = new(StringComparer.Ordinal);
    private readonly int _slots = slots;
    private int _free = slots;
    private long _order;
    private long _admissions;

    public int Running { get { lock (_gate) return _slots - _free; } }

    /// <summary>Jobs in hand waiting for a slot.</summary>
    public int Waiting { get { lock (_gate) return _waiting.Count; } }

    /// <summary>Waits for a slot for a job of no tenant (auth off, or a batch of several tenants' jobs).</summary>
    public Task<IDisposable> EnterAsync(int priority, CancellationToken cancellationToken) => EnterAsync(priority, null, cancellationToken);

    /// <summary>Waits for a slot; <paramref name="tenant"/> null stands for the jobs of no tenant, shared as one.</summary>
    public async Task<IDisposable> EnterAsync(int priority, string? tenant, CancellationToken cancellationToken)
    {
        var key = tenant ?? "";
        Waiter waiter;
        lock (_gate)
        {
            if (_free > 0 && _waiting.Count == 0)
            {
                _free--;
                Admitted(key);
                return new Slot(this);
            }
            waiter = new Waiter(priority, key, _order++);
            _waiting.Add(waiter);
        }

        using (cancellationToken.Register(() => waiter.Admission.TrySetCanceled(cancellationToken)))
        {
            try
            {
                await waiter.Admission.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    _waiting.Remove(waiter);
                    // If the slot was handed over in the same instant, pass it on.
                    if (waiter.Admission.Task.IsCompletedSuccessfully) ReleaseLocked();
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
        while (Next() is { } next)
        {
            _waiting.Remove(next);
            if (next.Admission.TrySetResult())
            {
                Admitted(next.Tenant);
                return; // the slot passes straight to the next waiter
            }
        }
        _free++;
    }

    /// <summary>Highest priority; then the tenant served longest ago (never: first); then arrival order.</summary>
    private Waiter? Next()
    {
        Waiter? best = null;
        var bestServed = 0L;
        foreach (var w in _waiting)
        {
            var served = _lastAdmitted.GetValueOrDefault(w.Tenant);
            if (best is null || w.Priority > best.Priority
                || (w.Priority == best.Priority && (served < bestServed || (served == bestServed && w.Order < best.Order))))
            {
                best = w;
                bestServed = served;
            }
        }
        return best;
    }

    private void Admitted(string tenant)
    {
        if (_lastAdmitted.Count >= MaxRememberedTenants && !_lastAdmitted.ContainsKey(tenant))
        {
            // Forgetting a tenant only moves it ahead of others the next time it waits, never behind.
            var waiting = _waiting.Select(w => w.Tenant).ToHashSet(StringComparer.Ordinal);
            foreach (var idle in _lastAdmitted.Keys.Where(t => !waiting.Contains(t)).ToList()) _lastAdmitted.Remove(idle);
        }
        _lastAdmitted[tenant] = ++_admissions;
    }

    private sealed class Waiter(int priority, string tenant, long order)
    {
        public int Priority { get; } = priority;
        public string Tenant { get; } = tenant;
        public long Order { get; } = order;
        public TaskCompletionSource Admission { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
