namespace Prism.Contracts;

/// <summary>
/// Broker queue names. The KEDA ScaledObject is generated from <see cref="Jobs"/>, so the
/// autoscaler watches exactly the queue the processors consume.
/// </summary>
public static class QueueNames
{
    /// <summary>Work queue the processors consume <see cref="JobSubmitted"/> from.</summary>
    public const string Jobs = "prism-jobs";

    /// <summary>Durable queue the results service consumes every job event from.</summary>
    public const string Results = "prism-results";

    /// <summary>Highest priority the jobs queue honours (RabbitMQ <c>x-max-priority</c>).</summary>
    public const byte MaxPriority = 9;
}
