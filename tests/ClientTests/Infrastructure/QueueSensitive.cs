namespace Prism.ClientTests.Infrastructure;

/// <summary>
/// Tests that hold jobs in the queue on purpose (cancel), flood it (the 1,000-job batch) or wait on the live feed in a
/// browser run one at a time: a flood delays what Results records and streams by many seconds.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QueueSensitive
{
    public const string Name = "queue-sensitive";
}
