using Microsoft.Extensions.Options;

namespace Prism.Ingest.Admission;

/// <summary>
/// Refuses submissions the pipeline could not finish in reasonable time: a jobs queue deeper than the
/// bound, or a broker that does not answer. The depth is measured at most once per cache period.
/// </summary>
public sealed partial class AdmissionGate(IOptions<IngestOptions> options, TimeProvider clock, ILogger<AdmissionGate> logger, IQueueDepthProbe? probe = null) : IDisposable
{
    private readonly SemaphoreSlim _measuring = new(1, 1);
    private Measurement _last = new(DateTimeOffset.MinValue, null, null);

    public async Task<AdmissionDecision> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Admission;
        if (probe is null || settings.MaxQueueDepth <= 0) return AdmissionDecision.Admit;

        var (_, depth, error) = await MeasureAsync(settings, cancellationToken).ConfigureAwait(false);
        if (error is not null) return new AdmissionDecision(false, error);
        return depth > settings.MaxQueueDepth
            ? new AdmissionDecision(false, $"The job queue holds {depth} jobs, more than the {settings.MaxQueueDepth} Ingest:Admission:MaxQueueDepth allows.", depth)
            : AdmissionDecision.Admit;
    }

    private async Task<Measurement> MeasureAsync(AdmissionOptions settings, CancellationToken cancellationToken)
    {
        var fresh = TimeSpan.FromMilliseconds(settings.DepthCacheMilliseconds);
        if (clock.GetUtcNow() - _last.At < fresh) return _last;
        await _measuring.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (clock.GetUtcNow() - _last.At < fresh) return _last;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.ProbeTimeoutMilliseconds);
            try
            {
                var depth = await probe!.ReadDepthAsync(timeout.Token).ConfigureAwait(false);
                _last = new Measurement(clock.GetUtcNow(), depth, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogProbeFailed(logger, ex);
                _last = new Measurement(clock.GetUtcNow(), null, "The job queue's depth could not be read: the broker is unreachable.");
            }
            return _last;
        }
        finally
        {
            _measuring.Release();
        }
    }

    public void Dispose() => _measuring.Dispose();

    // A reference swapped whole, so a reader outside the semaphore never sees half of one measurement.
    private sealed record Measurement(DateTimeOffset At, long? Depth, string? Error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the job queue depth failed; refusing submissions until it succeeds")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception);
}
