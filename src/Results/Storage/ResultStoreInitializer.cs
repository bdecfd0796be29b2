namespace Prism.Results.Storage;

/// <summary>
/// Creates the schema at start, waiting for a database that is still coming up (compose and
/// Kubernetes start it beside us) for up to a minute before the process gives up with a clear error.
/// </summary>
public sealed partial class ResultStoreInitializer(IResultStore store, ILogger<ResultStoreInitializer> logger) : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                LogReady(logger, store.Provider, store.Location);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && DateTime.UtcNow - started < GiveUpAfter)
            {
                LogWaiting(logger, store.Provider, store.Location, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Result store ready: {Provider} at {Location}")]
    private static partial void LogReady(ILogger logger, string provider, string location);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Result store {Provider} at {Location} not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogWaiting(ILogger logger, string provider, string location, int attempt, string reason);
}
