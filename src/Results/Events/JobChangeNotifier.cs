using System.Collections.Concurrent;

namespace Prism.Results.Events;

/// <summary>
/// Wakes long-polls in this replica when their job was first recorded or ended. Replicas do not share
/// it, so waiters also re-read the store on a short interval.
/// </summary>
public sealed class JobChangeNotifier
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    /// <summary>A task that completes at the next change of <paramref name="jobId"/>.</summary>
    public Task NextChange(Guid jobId) =>
        _waiters.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Changed(Guid jobId)
    {
        if (_waiters.TryRemove(jobId, out var waiter)) waiter.TrySetResult();
    }
}
