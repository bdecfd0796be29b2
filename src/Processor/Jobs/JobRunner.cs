using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Prism.Compute;
using Prism.Contracts;
using Prism.Contracts.Validation;
using Prism.ServiceDefaults.Messaging;

namespace Prism.Processor.Jobs;

/// <summary>
/// Runs one submitted job: checks deadline, kind and input (again — the processor trusts no
/// producer), announces the start, computes, and publishes the outcome. A job that cannot succeed
/// ends in <see cref="JobFailed"/>, and so does a computation that fails the way the same input
/// fails on every try (<see cref="ComputationFaults"/>); anything else is thrown so the bus retries it.
/// </summary>
public sealed partial class JobRunner(
    JobKindCatalog kinds,
    KindHandlerRegistry handlers,
    ComputeDevice device,
    CancellationRegistry cancellations,
    PriorityGate gate,
    KindBatcher batcher,
    IOptions<ProcessorOptions> options,
    IOptions<BusOptions> bus,
    ProcessorMetrics metrics,
    TimeProvider clock,
    ILogger<JobRunner> logger)
{
    private readonly string _processorId = options.Value.ProcessorId;
    private readonly TimeSpan _maxJobTime = TimeSpan.FromSeconds(options.Value.MaxJobSeconds);
    private readonly TimeSpan _announceStartAfter = TimeSpan.FromMilliseconds(options.Value.AnnounceStartAfterMs);
    private readonly long _maxResultBytes = bus.Value.MaxPayloadBytes;
    private long _jobsDone;

    /// <summary>Jobs computing now.</summary>
    public int InFlight => gate.Running;

    /// <summary>Jobs this processor finished (any outcome) since it started.</summary>
    public long JobsDone => Interlocked.Read(ref _jobsDone);

    public async Task RunAsync(JobSubmitted job, IPublishEndpoint publisher, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(publisher);
        try
        {
            await RunOnceAsync(job, publisher, attempt, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Increment(ref _jobsDone);
        }
    }

    private async Task RunOnceAsync(JobSubmitted job, IPublishEndpoint publisher, int attempt, CancellationToken cancellationToken)
    {
        if (await EndedBeforeStartAsync(job, publisher, attempt, cancellationToken).ConfigureAwait(false)) return;

        var handler = handlers.Find(job.Kind);
        var kind = kinds.Find(job.Kind);
        if (handler is null || kind is null)
        {
            await FailAsync(job, publisher, null, attempt, ErrorCodes.UnknownKind,
                $"This processor does not serve the kind '{job.Kind}'.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var parsed = kind.Parse(job.Input);
        if (!parsed.IsValid)
        {
            await FailAsync(job, publisher, null, attempt, ErrorCodes.InvalidInput, parsed.Errors.ToString(), cancellationToken).ConfigureAwait(false);
            return;
        }

        // A job starts once it holds compute: its own slot, or (for a batched kind) its batch's slot,
        // taken in the batcher. Just before that it looks again: the deadline may have passed or a
        // cancel arrived while it waited. Its start is announced only if it is still running a moment
        // later (StartNotice); its outcome carries startedAt either way.
        DateTimeOffset? startedAt = null;
        StartNotice? startNotice = null;
        var stopwatch = new Stopwatch();
        async Task<bool> StartAsync()
        {
            if (await EndedBeforeStartAsync(job, publisher, attempt, cancellationToken).ConfigureAwait(false)) return false;
            startedAt = clock.GetUtcNow();
            var started = new JobStarted
            {
                JobId = job.JobId,
                Kind = job.Kind,
                SubmittedAt = job.SubmittedAt,
                StartedAt = startedAt.Value,
                ProcessorId = _processorId,
                Engine = device.Engine,
                DeviceName = device.DeviceName,
                Attempt = attempt,
                TenantId = job.TenantId,
            };
            startNotice = await StartNotice.ScheduleAsync(token => publisher.Publish(started, token), _announceStartAfter, clock, cancellationToken).ConfigureAwait(false);
            // computeMs from here: a batched job's wait for its batch is queue time (startedAt), not compute.
            stopwatch.Restart();
            return true;
        }

        try
        {
            var batched = handler is IBatchKindHandler batchHandler && batcher.Enabled ? batchHandler : null;
            var slot = batched is null ? await gate.EnterAsync(job.Priority, job.TenantId, cancellationToken).ConfigureAwait(false) : null;
            object output;
            DateTimeOffset completedAt;
            try
            {
                if (slot is not null && !await StartAsync().ConfigureAwait(false)) return;

                using var running = cancellations.Start(job.JobId, cancellationToken);
                using var overtime = CancellationTokenSource.CreateLinkedTokenSource(running.Token);
                overtime.CancelAfter(_maxJobTime);
                using var inFlight = metrics.InFlight(job.Kind);
                try
                {
                    if (batched is not null)
                    {
                        output = await batcher.ExecuteAsync(batched, parsed.Input!, job.Priority, job.TenantId, StartAsync, overtime.Token).ConfigureAwait(false);
                        if (ReferenceEquals(output, KindBatcher.NotStarted)) return;
                    }
                    else
                    {
                        metrics.BatchExecuted(job.Kind, 1);
                        // On a compute thread, off the delivering one and off the thread pool: handlers compute
                        // synchronously, and a thread held for the whole job stalls the transport's delivery of
                        // further jobs (the priority gate would never see the ones that should overtake the queue)
                        // and the timers and cancels that must reach the job while it runs.
                        output = await ComputeThreads.RunAsync(() => handler.ExecuteAsync(parsed.Input!, overtime.Token), overtime.Token).ConfigureAwait(false);
                    }
                    // Stamped while the slot is still held: with one slot, completion times follow start order
                    // even when this thread is descheduled between releasing the slot and publishing.
                    completedAt = clock.GetUtcNow();
                }
                catch (OperationCanceledException) when (running.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    slot?.Dispose();
                    slot = null;
                    await CancelledAsync(job, publisher, startedAt, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (overtime.IsCancellationRequested && !running.Token.IsCancellationRequested)
                {
                    slot?.Dispose();
                    slot = null;
                    metrics.Computed(job.Kind, device.Engine, stopwatch.Elapsed.TotalMilliseconds, succeeded: false);
                    await FailAsync(job, publisher, startedAt, attempt, ErrorCodes.JobTimeout,
                        $"The job computed longer than this processor's limit of {_maxJobTime.TotalSeconds:0.###} s.", cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (JobFailureException failure)
                {
                    slot?.Dispose();
                    slot = null;
                    metrics.Computed(job.Kind, device.Engine, stopwatch.Elapsed.TotalMilliseconds, succeeded: false);
                    await FailAsync(job, publisher, startedAt, attempt, failure.Code, failure.Message, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (Exception fault) when (ComputationFaults.IsDeterministic(fault))
                {
                    slot?.Dispose();
                    slot = null;
                    metrics.Computed(job.Kind, device.Engine, stopwatch.Elapsed.TotalMilliseconds, succeeded: false);
                    LogComputationFault(logger, fault, job.JobId, job.Kind);
                    await FailAsync(job, publisher, startedAt, attempt, ErrorCodes.ComputationFailed, ComputationFaults.Message, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
            finally
            {
                // Released before the outcome is published: the next job computes while the broker confirms.
                slot?.Dispose();
            }
            var computeMs = stopwatch.Elapsed.TotalMilliseconds;
            if (!ComputationFaults.TrySerialize(output, out var serialized))
            {
                metrics.Computed(job.Kind, device.Engine, computeMs, succeeded: false);
                await FailAsync(job, publisher, startedAt, attempt, ErrorCodes.ComputationFailed, ComputationFaults.NonFiniteMessage, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (serialized.LongLength > _maxResultBytes)
            {
                // Published anyway, it would be refused by the broker or never read by Results: the job fails instead.
                metrics.Computed(job.Kind, device.Engine, computeMs, succeeded: false);
                await FailAsync(job, publisher, startedAt, attempt, ErrorCodes.ResultTooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"The result is {serialized.LongLength:N0} bytes; a message can carry at most {_maxResultBytes:N0} (Bus:MaxMessageBytes less the envelope)."),
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            var result = JsonSerializer.Deserialize<JsonElement>(serialized);
            metrics.Computed(job.Kind, device.Engine, computeMs, succeeded: true);
            LogCompleted(logger, job.JobId, job.Kind, computeMs);

            await publisher.Publish(new JobCompleted
            {
                JobId = job.JobId,
                Kind = job.Kind,
                SubmittedAt = job.SubmittedAt,
                StartedAt = startedAt!.Value,
                CompletedAt = completedAt,
                Result = result,
                ProcessorId = _processorId,
                Engine = device.Engine,
                DeviceName = device.DeviceName,
                ComputeMs = computeMs,
                Attempt = attempt,
                TenantId = job.TenantId,
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Withdraws the start announcement of a job that ended before it was due (or waits for it).
            if (startNotice is not null) await startNotice.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Ends a job that must not start: past its deadline, or cancelled.</summary>
    private async Task<bool> EndedBeforeStartAsync(JobSubmitted job, IPublishEndpoint publisher, int attempt, CancellationToken cancellationToken)
    {
        if (cancellations.IsCancelled(job.JobId))
        {
            await CancelledAsync(job, publisher, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        if (job.Deadline is { } deadline && clock.GetUtcNow() > deadline)
        {
            await FailAsync(job, publisher, null, attempt, ErrorCodes.DeadlineExceeded,
                $"The job was not started before its deadline ({deadline:O}).", cancellationToken).ConfigureAwait(false);
            return true;
        }
        return false;
    }

    private async Task CancelledAsync(JobSubmitted job, IPublishEndpoint publisher, DateTimeOffset? startedAt, CancellationToken cancellationToken)
    {
        LogCancelled(logger, job.JobId, job.Kind, startedAt is not null);
        await publisher.Publish(new JobCancelled
        {
            JobId = job.JobId, Kind = job.Kind, SubmittedAt = job.SubmittedAt, CancelledAt = clock.GetUtcNow(),
            StartedAt = startedAt, ProcessorId = _processorId, TenantId = job.TenantId,
        }, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) cancelled (was running: {WasRunning})")]
    private static partial void LogCancelled(ILogger logger, Guid jobId, string kind, bool wasRunning);

    private async Task FailAsync(JobSubmitted job, IPublishEndpoint publisher, DateTimeOffset? startedAt, int attempt, string code, string message, CancellationToken cancellationToken)
    {
        LogFailed(logger, job.JobId, job.Kind, code, message);
        await publisher.Publish(new JobFailed
        {
            JobId = job.JobId,
            Kind = job.Kind,
            SubmittedAt = job.SubmittedAt,
            FailedAt = clock.GetUtcNow(),
            StartedAt = startedAt,
            ErrorCode = code,
            ErrorMessage = message,
            ProcessorId = _processorId,
            Engine = device.Engine,
            DeviceName = device.DeviceName,
            Attempt = attempt,
            TenantId = job.TenantId,
        }, cancellationToken).ConfigureAwait(false);
    }

    // For operators only (the exception and its stack stay in the processor's log); the job's message is plain.
    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed in its computation; failed with computation_failed, not retried")]
    private static partial void LogComputationFault(ILogger logger, Exception exception, Guid jobId, string kind);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} ({Kind}) computed in {ComputeMs:F1} ms")]
    private static partial void LogCompleted(ILogger logger, Guid jobId, string kind, double computeMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) failed with {Code}: {Message}")]
    private static partial void LogFailed(ILogger logger, Guid jobId, string kind, string code, string message);
}
