using Microsoft.Extensions.Options;
using Prism.Compute;

namespace Prism.Processor.Jobs;

/// <summary>
/// Dynamic batching, per kind: the first job of a kind opens a batch that closes when it holds
/// <see cref="ProcessorOptions.MaxBatchSize"/> jobs or <see cref="ProcessorOptions.MaxBatchDelayMs"/>
/// after it opened, whichever comes first; the batch then runs as one engine call in one compute slot.
/// A job cancelled before its batch runs is left out; one cancelled while it runs gets no result, and
/// the engine call itself stops at its next safe point once every job of the batch is cancelled; if
/// the batch call throws, its jobs run one by one, so one bad job fails alone. Each job's start
/// callback runs once the batch holds its slot, just before the engine call: a job that waits for the
/// slot has not started (it can still be cancelled, or miss its deadline, without ever starting).
/// </summary>
public sealed class KindBatcher(PriorityGate gate, IOptions<ProcessorOptions> options, ProcessorMetrics metrics, TimeProvider clock)
{
    private readonly int _maxSize = options.Value.MaxBatchSize;
    private readonly TimeSpan _maxDelay = TimeSpan.FromMilliseconds(options.Value.MaxBatchDelayMs);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Batch> _open = new(StringComparer.Ordinal);

    /// <summary>The output of a job whose start callback declined to start it (it ended before starting).</summary>
    public static readonly object NotStarted = new();

    /// <summary>False when batches would hold one job (MaxBatchSize 1): jobs then run singly.</summary>
    public bool Enabled => _maxSize > 1;

    /// <summary>
    /// Computes <paramref name="input"/> in the next batch of its kind. <paramref name="start"/> runs when
    /// the batch is about to compute; when it returns false the job is left out and gets <see cref="NotStarted"/>.
    /// </summary>
    public Task<object> ExecuteAsync(IBatchKindHandler handler, object input, int priority, string? tenant, Func<Task<bool>> start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(start);
        var item = new Item(input, priority, tenant, start, cancellationToken);
        Batch? opened = null;
        Batch? full = null;
        lock (_lock)
        {
            if (!_open.TryGetValue(handler.Kind, out var batch))
            {
                batch = new Batch(handler);
                _open[handler.Kind] = batch;
                opened = batch;
            }
            batch.Items.Add(item);
            if (batch.Items.Count >= _maxSize)
            {
                _open.Remove(handler.Kind);
                full = batch;
            }
        }
        // The delay starts only once the job that opened the batch is in it, and outside the lock: a delay
        // that is over before its await (zero, or a thread descheduled for longer than it) closes the batch
        // on this thread, and it must not close it empty and leave this job in a batch that never runs.
        if (opened is not null) _ = CloseAfterDelayAsync(opened);
        if (full is not null) _ = RunAsync(full);
        // The job's own token ends its wait whatever happens to the batch, so no job waits past its time limit.
        return item.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task CloseAfterDelayAsync(Batch batch)
    {
        await Task.Delay(_maxDelay, clock).ConfigureAwait(false);
        lock (_lock)
        {
            // Already closed by size (and perhaps a new batch of the kind opened since): nothing to do.
            if (!_open.TryGetValue(batch.Handler.Kind, out var open) || open != batch) return;
            _open.Remove(batch.Handler.Kind);
        }
        await RunAsync(batch).ConfigureAwait(false);
    }

    private async Task RunAsync(Batch batch)
    {
        var live = StillWanted(batch.Items);
        if (live.Count == 0) return;

        try
        {
            // A batch of one tenant's jobs takes its turn as that tenant; a mixed batch as no tenant.
            var tenant = live.Select(i => i.Tenant).Distinct(StringComparer.Ordinal).Count() == 1 ? live[0].Tenant : null;
            using var slot = await gate.EnterAsync(live.Max(i => i.Priority), tenant, CancellationToken.None).ConfigureAwait(false);
            // Cancels that arrived while the batch waited for the slot; then each job starts (or declines).
            live = StillWanted(live);
            var started = await Task.WhenAll(live.Select(async i => (Item: i, Started: await i.Start().ConfigureAwait(false)))).ConfigureAwait(false);
            foreach (var (item, _) in started.Where(s => !s.Started)) item.Done.TrySetResult(NotStarted);
            live = [.. started.Where(s => s.Started).Select(s => s.Item)];
            if (live.Count == 0) return;
            metrics.BatchExecuted(batch.Handler.Kind, live.Count);
            IReadOnlyList<object> outputs;
            using var everyJobCancelled = new CancellationTokenSource();
            var registrations = WhenEveryItemIsCancelled(live, everyJobCancelled);
            try
            {
                outputs = await ComputeThreads.RunAsync(() => batch.Handler.ExecuteBatchAsync([.. live.Select(i => i.Input)], everyJobCancelled.Token), everyJobCancelled.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (everyJobCancelled.IsCancellationRequested)
            {
                // Nobody wants the batch any more (cancelled or out of time): it stopped at its next safe point.
                foreach (var item in live) item.Done.TrySetCanceled(item.Cancellation);
                return;
            }
            catch (Exception) when (live.Count > 1)
            {
                await RunSinglyAsync(batch.Handler, live).ConfigureAwait(false);
                return;
            }
            finally
            {
                foreach (var registration in registrations) await registration.DisposeAsync().ConfigureAwait(false);
            }
            for (var i = 0; i < live.Count; i++) Complete(live[i], outputs[i]);
        }
        catch (Exception ex)
        {
            foreach (var item in live) item.Done.TrySetException(ex);
        }
    }

    /// <summary>
    /// Cancels <paramref name="batch"/> once the last of <paramref name="items"/> is cancelled: a batch
    /// still computes for any job that wants its result, and stops when none does.
    /// </summary>
    private static List<CancellationTokenRegistration> WhenEveryItemIsCancelled(List<Item> items, CancellationTokenSource batch)
    {
        var wanted = items.Count;
        return [.. items.Select(i => i.Cancellation.Register(() =>
        {
            if (Interlocked.Decrement(ref wanted) == 0) batch.Cancel();
        }))];
    }

    private static List<Item> StillWanted(List<Item> items)
    {
        var live = new List<Item>(items.Count);
        foreach (var item in items)
        {
            if (item.Cancellation.IsCancellationRequested) item.Done.TrySetCanceled(item.Cancellation);
            else live.Add(item);
        }
        return live;
    }

    private static async Task RunSinglyAsync(IBatchKindHandler handler, List<Item> items)
    {
        foreach (var item in items)
        {
            try
            {
                Complete(item, await ComputeThreads.RunAsync(() => handler.ExecuteAsync(item.Input, item.Cancellation), item.Cancellation).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (item.Cancellation.IsCancellationRequested)
            {
                item.Done.TrySetCanceled(item.Cancellation);
            }
            catch (Exception ex)
            {
                item.Done.TrySetException(ex);
            }
        }
    }

    private static void Complete(Item item, object output)
    {
        // Cancelled while the batch ran: the job ends cancelled, its output is dropped.
        if (item.Cancellation.IsCancellationRequested) item.Done.TrySetCanceled(item.Cancellation);
        else item.Done.TrySetResult(output);
    }

    private sealed class Batch(IBatchKindHandler handler)
    {
        public IBatchKindHandler Handler { get; } = handler;
        public List<Item> Items { get; } = [];
    }

    private sealed class Item(object input, int priority, string? tenant, Func<Task<bool>> start, CancellationToken cancellation)
    {
        public object Input { get; } = input;
        public int Priority { get; } = priority;
        public string? Tenant { get; } = tenant;
        public Func<Task<bool>> Start { get; } = start;
        public CancellationToken Cancellation { get; } = cancellation;
        public TaskCompletionSource<object> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
