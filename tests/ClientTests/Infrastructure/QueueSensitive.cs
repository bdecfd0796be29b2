namespace Prism.ClientTests.Infrastructure;

/// <summary>
/// Tests that hold jobs in the queue on purpose (cancel) or flood it (the 1,000-job batch) run one at a time: a flood
/// delays what Results records, and a cancel needs the store to see the job before the processor finishes it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QueueSensitive
{
    public const string Name = "queue-sensitive";
}
