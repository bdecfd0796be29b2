using System.Collections.Concurrent;

namespace Prism.Processor.Jobs;

/// <summary>
/// The jobs this processor recently brought to an outcome (the outcome event confirmed by the broker).
/// A delivery of one of them again — the broker redelivers when an ack is lost to a connection drop —
/// is acknowledged without computing twice. Bounded: the oldest ids are forgotten first. Redeliveries
/// it cannot know of (another processor's jobs) are harmless too: Results records one outcome per job.
/// </summary>
public sealed class FinishedJobs(int capacity = 20_000)
{
    private readonly ConcurrentDictionary<Guid, byte> _ids = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public bool Contains(Guid jobId) => _ids.ContainsKey(jobId);

    public void Add(Guid jobId)
    {
        if (!_ids.TryAdd(jobId, 0)) return;
        _order.Enqueue(jobId);
        while (_ids.Count > capacity && _order.TryDequeue(out var oldest)) _ids.TryRemove(oldest, out _);
    }
}
