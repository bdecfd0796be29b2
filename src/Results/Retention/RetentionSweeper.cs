using Microsoft.Extensions.Options;
using Prism.Results.Storage;

namespace Prism.Results.Retention;

/// <summary>
/// Deletes finished jobs and their events <see cref="ResultsOptions.RetentionDays"/> after they
/// finished, every <see cref="ResultsOptions.SweepIntervalMinutes"/>. Unfinished jobs are never expired.
/// </summary>
public sealed partial class RetentionSweeper(IResultStore store, IOptions<ResultsOptions> options, TimeProvider clock, ILogger<RetentionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes), clock);
        do
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken).ConfigureAwait(false);
                if (deleted > 0) LogSwept(logger, deleted, options.Value.RetentionDays);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store outage must not end the sweeper; the next tick tries again.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public Task<int> SweepAsync(CancellationToken cancellationToken) =>
        store.DeleteFinishedBeforeAsync(clock.GetUtcNow().AddDays(-options.Value.RetentionDays), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Rows} rows of jobs finished more than {Days} days ago")]
    private static partial void LogSwept(ILogger logger, int rows, double days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
