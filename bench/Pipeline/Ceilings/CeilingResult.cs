namespace Prism.Pipeline.Ceilings;

/// <summary>The bare messaging rate one transport reached: publish start → last message consumed.</summary>
public sealed record CeilingResult(string Name, int Messages, int MessageBytes, double Seconds, string Setup)
{
    public double PerSecond => Messages / Seconds;
}

/// <summary>Completes once the expected number of messages was consumed.</summary>
public sealed class ConsumeCounter(int expected)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task Done => _done.Task;

    public void Hit()
    {
        if (Interlocked.Increment(ref _count) == expected) _done.TrySetResult();
    }
}
