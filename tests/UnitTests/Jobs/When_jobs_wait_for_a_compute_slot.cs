using Prism.Processor.Jobs;

namespace Prism.UnitTests.Jobs;

public sealed class When_jobs_wait_for_a_compute_slot
{
    [Fact]
    public async Task The_highest_priority_goes_first_then_arrival_order()
    {
        var gate = new PriorityGate(1);
        var holder = await gate.EnterAsync(0, CancellationToken.None);
        var admitted = new List<string>();
        var waiters = new[] { ("low-1", 0), ("mid", 5), ("low-2", 0), ("high", 9), ("mid-2", 5) }
            .Select(async w =>
            {
                using var slot = await gate.EnterAsync(w.Item2, CancellationToken.None);
                lock (admitted) admitted.Add(w.Item1);
            }).ToList();
        Assert.Equal(5, gate.Waiting);

        holder.Dispose();
        await Task.WhenAll(waiters);

        Assert.Equal(["high", "mid", "mid-2", "low-1", "low-2"], admitted);
        Assert.Equal(0, gate.Running);
    }

    [Fact]
    public async Task Within_a_priority_tenants_take_turns_then_arrival_order()
    {
        var gate = new PriorityGate(1);
        var holder = await gate.EnterAsync(0, "a", CancellationToken.None);
        var admitted = new List<string>();
        // A's backlog arrives first; B's and C's jobs after it; one high-priority job of A's still goes first.
        var waiters = new[] { ("a1", "a", 0), ("a2", "a", 0), ("a3", "a", 0), ("b1", "b", 0), ("b2", "b", 0), ("c1", "c", 0), ("a-urgent", "a", 9) }
            .Select(async w =>
            {
                using var slot = await gate.EnterAsync(w.Item3, w.Item2, CancellationToken.None);
                lock (admitted) admitted.Add(w.Item1);
            }).ToList();
        Assert.Equal(7, gate.Waiting);

        holder.Dispose();
        await Task.WhenAll(waiters);

        Assert.Equal(["a-urgent", "b1", "c1", "a1", "b2", "a2", "a3"], admitted);
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_up_its_place_without_losing_the_slot()
    {
        var gate = new PriorityGate(1);
        var holder = await gate.EnterAsync(0, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(9, cancel.Token);
        var next = gate.EnterAsync(0, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        holder.Dispose();

        using var slot = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, gate.Running);
    }

    [Fact]
    public async Task No_more_than_the_slots_run_at_once()
    {
        var gate = new PriorityGate(3);
        var running = 0;
        var peak = 0;
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var slot = await gate.EnterAsync(i % 10, CancellationToken.None);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(2);
            Interlocked.Decrement(ref running);
        }));
        Assert.Equal(3, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
