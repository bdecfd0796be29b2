namespace Prism.ServiceDefaults.Messaging;

/// <summary>How a process reaches the bus. Transport follows <c>ConnectionStrings:rabbitmq</c>: set → RabbitMQ, unset → in-memory.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";
    public const string RabbitMqConnectionName = "rabbitmq";

    /// <summary>Jobs one processor prefetches from the broker (and so may hold unacknowledged).</summary>
    public int PrefetchCount { get; set; } = 32;

    /// <summary>
    /// Seconds a stopping process (SIGTERM) lets in-flight messages finish before it cancels them and
    /// hands them back to the broker; at most 18, inside the bus's 20 s stop timeout.
    /// </summary>
    public double ConsumerStopSeconds { get; set; } = 15;
}
