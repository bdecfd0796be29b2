using MassTransit;
using Prism.Contracts;
using Prism.Results.Storage;

namespace Prism.Results.Events;

/// <summary>
/// Each job event as the store update that records it (through <see cref="StoreWriteBatcher"/>, which
/// also wakes long-polls and announces the stored stream events).
/// </summary>
public static class JobEventRecorder
{
    public static JobRecordUpdate From(JobSubmitted e) => new()
    {
        JobId = e.JobId, Kind = e.Kind, Status = JobStatus.Queued, SubmittedAt = e.SubmittedAt, TenantId = e.TenantId,
    };

    public static JobRecordUpdate From(JobStarted e) => new()
    {
        JobId = e.JobId, Kind = e.Kind, Status = JobStatus.Running, SubmittedAt = e.SubmittedAt, StartedAt = e.StartedAt,
        Attempts = e.Attempt, ProcessorId = e.ProcessorId, Engine = e.Engine, DeviceName = e.DeviceName, TenantId = e.TenantId,
    };

    public static JobRecordUpdate From(JobCompleted e) => new()
    {
        JobId = e.JobId, Kind = e.Kind, Status = JobStatus.Succeeded, SubmittedAt = e.SubmittedAt, StartedAt = e.StartedAt,
        CompletedAt = e.CompletedAt, Attempts = e.Attempt, ProcessorId = e.ProcessorId, Engine = e.Engine,
        DeviceName = e.DeviceName, ComputeMs = e.ComputeMs, ResultJson = e.Result.GetRawText(), TenantId = e.TenantId,
    };

    public static JobRecordUpdate From(JobFailed e) => new()
    {
        JobId = e.JobId, Kind = e.Kind, Status = JobStatus.Failed, SubmittedAt = e.SubmittedAt, StartedAt = e.StartedAt,
        CompletedAt = e.FailedAt, Attempts = e.Attempt, ProcessorId = e.ProcessorId, Engine = e.Engine,
        DeviceName = e.DeviceName, ErrorCode = e.ErrorCode, ErrorMessage = e.ErrorMessage, TenantId = e.TenantId,
    };

    public static JobRecordUpdate From(JobCancelled e) => new()
    {
        JobId = e.JobId, Kind = e.Kind, Status = JobStatus.Cancelled, SubmittedAt = e.SubmittedAt, StartedAt = e.StartedAt,
        CompletedAt = e.CancelledAt, ProcessorId = e.ProcessorId, TenantId = e.TenantId,
        ErrorCode = ErrorCodes.Cancelled, ErrorMessage = "The job was cancelled.",
    };

    /// <summary>A cancel request ends a job that has not finished; a finished one keeps its outcome.</summary>
    public static JobRecordUpdate From(CancelJob e) => new()
    {
        JobId = e.JobId, Kind = e.Kind, Status = JobStatus.Cancelled, SubmittedAt = e.SubmittedAt, CompletedAt = e.RequestedAt,
        TenantId = e.TenantId, ErrorCode = ErrorCodes.Cancelled, ErrorMessage = "The job was cancelled.",
    };

    /// <summary>
    /// A job the processor kept throwing on (it is in <c>prism-jobs_error</c> now) ends failed. The
    /// message is plain: the fault's exception type and text are the processor's, for its operators (they
    /// stay with the message in the error queue), and are never shown to the job's owner.
    /// </summary>
    public static JobRecordUpdate From(Fault<JobSubmitted> fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var job = fault.Message;
        return new JobRecordUpdate
        {
            JobId = job.JobId, Kind = job.Kind, Status = JobStatus.Failed, SubmittedAt = job.SubmittedAt,
            CompletedAt = fault.Timestamp, ErrorCode = ErrorCodes.ProcessingFailed, TenantId = job.TenantId,
            ErrorMessage = "The processor failed on this job after its retries.",
        };
    }
}
