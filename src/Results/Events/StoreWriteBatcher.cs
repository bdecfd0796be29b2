using System.Threading.Channels;
using Prism.Contracts.Api;
using Prism.Results.Storage;

namespace Prism.Results.Events;

/// <summary>
/// Group commit for job events: updates that arrive while a transaction is being written wait and
/// then go together in the next one (up to <see cref="MaxBatch"/>), so the store's single writer
/// commits many events per round trip instead of one. No delay is added: an update that finds the
/// writer idle is written at once. Each caller still gets its own events back only after they are
/// committed, so a message is acknowledged only once its update is durable. After each commit the
/// callers' follow-ups (announcing the stored events) are started in commit order, so live subscribers
/// see a job's events in id order even though many consumers committed together.
/// </summary>
public sealed partial class StoreWriteBatcher : BackgroundService
{
    public const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IResultStore _store;
    private readonly ResultsMetrics _metrics;
    private readonly ILogger<StoreWriteBatcher> _logger;

    public StoreWriteBatcher(IResultStore store, ResultsMetrics metrics, ILogger<StoreWriteBatcher> logger)
    {
        _store = store;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>
    /// Writes <paramref name="update"/> in the next transaction, then runs <paramref name="afterCommit"/>
    /// with its events (started in commit order with the batch's other follow-ups) before returning them.
    /// </summary>
    public async Task<IReadOnlyList<JobEvent>> ApplyAsync(JobRecordUpdate update, Func<IReadOnlyList<JobEvent>, Task> afterCommit, CancellationToken cancellationToken)
    {
        var pending = new Pending(update, afterCommit, new TaskCompletionSource<IReadOnlyList<JobEvent>>(TaskCreationOptions.RunContinuationsAsynchronously));
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
            var followUps = new Task[batch.Count];
            for (var i = 0; i < batch.Count; i++) followUps[i] = FollowUpAsync(batch[i], recorded[i]);
            await Task.WhenAll(followUps).ConfigureAwait(false);
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
                    await FollowUpAsync(pending, await _store.ApplyAsync(pending.Update, stoppingToken).ConfigureAwait(false)).ConfigureAwait(false);
                }
                catch (Exception single) when (single is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    pending.Done.TrySetException(single);
                }
            }
        }
    }

    /// <summary>Runs the caller's follow-up; the caller gets its events, or the follow-up's failure (the bus then retries: the store ignores the duplicate).</summary>
    private static async Task FollowUpAsync(Pending pending, IReadOnlyList<JobEvent> recorded)
    {
        try
        {
            await pending.AfterCommit(recorded).ConfigureAwait(false);
            pending.Done.TrySetResult(recorded);
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} job events failed to commit; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record Pending(JobRecordUpdate Update, Func<IReadOnlyList<JobEvent>, Task> AfterCommit, TaskCompletionSource<IReadOnlyList<JobEvent>> Done);
}
