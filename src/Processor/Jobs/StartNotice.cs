namespace Prism.Processor.Jobs;

/// <summary>
/// The <c>JobStarted</c> announcement of one job, held back for <c>Processor:AnnounceStartAfterMs</c>:
/// a job that ends first is announced by its outcome alone, which carries its <c>startedAt</c> (Results
/// records the start and the end together then, and its event stream still shows both). A tiny job thus
/// costs one broker message and one store update less; a long one is shown running after that delay.
/// Disposing withdraws an announcement not yet made, or waits for the one under way, so it never
/// outlives the job's delivery and a failed publish reaches the bus (which retries the job).
/// </summary>
public sealed class StartNotice : IAsyncDisposable
{
    private readonly CancellationTokenSource _withdrawn = new();
    private readonly Task _announcing;

    private StartNotice(Func<CancellationToken, Task> announce, TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        _announcing = AnnounceAfterAsync(announce, delay, clock, cancellationToken);
    }

    /// <summary>Announces now when <paramref name="delay"/> is zero (returning once published), else after it unless disposed first.</summary>
    public static async Task<StartNotice> ScheduleAsync(Func<CancellationToken, Task> announce, TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announce);
        var notice = new StartNotice(announce, delay, clock, cancellationToken);
        if (delay <= TimeSpan.Zero) await notice._announcing.ConfigureAwait(false);
        return notice;
    }

    private async Task AnnounceAfterAsync(Func<CancellationToken, Task> announce, TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, clock, _withdrawn.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_withdrawn.IsCancellationRequested)
            {
                return;
            }
        }
        await announce(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Cancel, not CancelAsync: the pending delay then ends on this thread, so a job that ended before
        // its announcement was due is acknowledged without a hop through the thread pool.
        _withdrawn.Cancel();
        try
        {
            await _announcing.ConfigureAwait(false);
        }
        finally
        {
            _withdrawn.Dispose();
        }
    }
}
