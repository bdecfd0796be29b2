using System.Threading.Channels;
using MassTransit;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Results.Storage;

namespace Prism.Results.Events;

/// <summary>
/// Group commit for job events: updates that arrive while a transaction is being written wait and
/// then go together in the next one (up to <see cref="MaxBatch"/>), so the store's single writer
/// commits many events per round trip instead of one. No delay is added: an update that finds the
/// writer idle is written at once. After each commit the long-pollers of its jobs are woken and the
/// stored events are announced to every replica's live subscribers in ONE <see cref="JobEventsRecorded"/>,
/// in commit order; only then does each caller get its events back, so a message is acknowledged
/// only once its update is durable and announced.
/// </summary>
public sealed partial class StoreWriteBatcher : BackgroundService
{
    public const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IResultStore _store;
    private readonly IBus _bus;
    private readonly JobChangeNotifier _notifier;
    private readonly ResultsMetrics _metrics;
    private readonly ILogger<StoreWriteBatcher> _logger;

    public StoreWriteBatcher(IResultStore store, IBus bus, JobChangeNotifier notifier, ResultsMetrics metrics, ILogger<StoreWriteBatcher> logger)
    {
        _store = store;
        _bus = bus;
        _notifier = notifier;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Writes <paramref name="update"/> in the next transaction and returns its events once they are committed and announced.</summary>
    public async Task<IReadOnlyList<JobEvent>> ApplyAsync(JobRecordUpdate update, CancellationToken cancellationToken)
    {
        var pending = new Pending(update, new TaskCompletionSource<IReadOnlyList<JobEvent>>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
                await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whoever still waits is cancelled, and the bus redelivers their messages.
        }
        foreach (var left in batch) left.Done.TrySetCanceled(stoppingToken);
        while (_queue.Reader.TryRead(out var left)) left.Done.TrySetCanceled(stoppingToken);
    }

    private async Task WriteAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        _metrics.StoreBatch(batch.Count);
        try
        {
            var recorded = await _store.ApplyManyAsync([.. batch.Select(p => p.Update)], stoppingToken).ConfigureAwait(false);
            await AfterCommitAsync(batch, recorded, stoppingToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(ex);
                return;
            }
            // One bad update must not fail the others: write them one by one, each with its own outcome.
            LogBatchFailed(_logger, batch.Count, ex);
            foreach (var pending in batch)
            {
                try
                {
                    await AfterCommitAsync([pending], [await _store.ApplyAsync(pending.Update, stoppingToken).ConfigureAwait(false)], stoppingToken).ConfigureAwait(false);
                }
                catch (Exception single) when (single is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    pending.Done.TrySetException(single);
                }
            }
        }
    }

    /// <summary>
    /// Wakes the long-pollers of the committed jobs, announces their new events in one message, then
    /// hands each caller its events. If the announcement throws, the batch is written again one update
    /// at a time: the store already has it and records nothing new, so nothing is announced twice. SSE
    /// readers still get those events, from the store with the next announcement; WebSocket ones miss them.
    /// </summary>
    private async Task AfterCommitAsync(IReadOnlyList<Pending> committed, IReadOnlyList<IReadOnlyList<JobEvent>> recorded, CancellationToken stoppingToken)
    {
        for (var i = 0; i < committed.Count; i++)
        {
            if (recorded[i].Count == 0) continue; // a duplicate or stale event: nothing changed
            _metrics.Recorded(committed[i].Update, recorded[i]);
            // Waiters wait for a job to be recorded at all, or to end: a start alone concerns none of them.
            if (recorded[i].Any(e => e.Type != JobEventTypes.Started)) _notifier.Changed(committed[i].Update.JobId);
        }
        var events = recorded.SelectMany(e => e).ToArray();
        if (events.Length > 0) await _bus.Publish(new JobEventsRecorded { Events = events }, stoppingToken).ConfigureAwait(false);
        for (var i = 0; i < committed.Count; i++) committed[i].Done.TrySetResult(recorded[i]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} job events failed to commit or to be announced; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record Pending(JobRecordUpdate Update, TaskCompletionSource<IReadOnlyList<JobEvent>> Done);
}
