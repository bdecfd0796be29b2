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

    /// <summary>
    /// The largest message Prism puts on the bus, in bytes (64 MiB). A result that would not fit (less
    /// <see cref="EnvelopeAllowanceBytes"/>) fails its job with <c>result_too_large</c> instead of being
    /// published. The broker must accept messages this large: RabbitMQ 4 refuses above 16 MiB unless its
    /// <c>max_message_size</c> is raised (deploy/rabbitmq/rabbitmq.conf sets it to this value).
    /// </summary>
    public long MaxMessageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>What MassTransit's envelope adds to a message body (ids, addresses, headers, host), with room to spare.</summary>
    public const long EnvelopeAllowanceBytes = 1024 * 1024;

    /// <summary>
    /// The largest delivery a connection reads. RabbitMQ.Client closes the connection on a larger one (64 MiB by
    /// default), the broker requeues it, and the consumer loops on it forever, consuming nothing else. 512 MiB is
    /// the most any RabbitMQ broker can be configured to accept, so every delivery is read and then consumed or,
    /// failing that, moved to the endpoint's <c>_error</c> queue.
    /// </summary>
    public const uint MaxInboundMessageBytes = 512 * 1024 * 1024;

    /// <summary>The largest job input or serialized result that fits in a message with its envelope.</summary>
    public long MaxPayloadBytes => MaxMessageBytes - EnvelopeAllowanceBytes;
}
