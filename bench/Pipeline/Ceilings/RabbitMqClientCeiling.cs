using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Prism.Pipeline.Ceilings;

/// <summary>
/// The broker's own ceiling through RabbitMQ.Client with no framework: persistent messages published
/// with confirms (up to <see cref="ConfirmsInFlight"/> outstanding), consumed with manual acks.
/// </summary>
public static class RabbitMqClientCeiling
{
    public const int ConfirmsInFlight = 500;
    public const ushort Prefetch = 500;

    public static async Task<CeilingResult> RunAsync(string amqp, int messages, int messageBytes, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp) };
        var queue = $"prism-bench-raw-{Guid.NewGuid():N}";
        var counter = new ConsumeCounter(messages);

        var consumerConnection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (consumerConnection.ConfigureAwait(false))
        {
            var consumerChannel = await consumerConnection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (consumerChannel.ConfigureAwait(false))
            {
                await consumerChannel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true, cancellationToken: cancellationToken).ConfigureAwait(false);
                await consumerChannel.BasicQosAsync(0, Prefetch, false, cancellationToken).ConfigureAwait(false);
                var consumer = new AsyncEventingBasicConsumer(consumerChannel);
                consumer.ReceivedAsync += async (_, delivery) =>
                {
                    await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
                    counter.Hit();
                };
                await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);

                var publisherConnection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (publisherConnection.ConfigureAwait(false))
                {
                    var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                        outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(ConfirmsInFlight));
                    var publisher = await publisherConnection.CreateChannelAsync(options, cancellationToken).ConfigureAwait(false);
                    await using (publisher.ConfigureAwait(false))
                    {
                        var body = new byte[messageBytes];
                        Array.Fill(body, (byte)'x');
                        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
                        var clock = Stopwatch.StartNew();
                        var pending = new List<Task>(ConfirmsInFlight);
                        for (var i = 0; i < messages; i++)
                        {
                            pending.Add(publisher.BasicPublishAsync("", queue, mandatory: false, properties, body, cancellationToken).AsTask());
                            if (pending.Count == ConfirmsInFlight)
                            {
                                await Task.WhenAll(pending).ConfigureAwait(false);
                                pending.Clear();
                            }
                        }
                        await Task.WhenAll(pending).ConfigureAwait(false);
                        await counter.Done.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
                        return new CeilingResult("RabbitMQ.Client (raw)", messages, messageBytes, clock.Elapsed.TotalSeconds,
                            $"persistent, publisher confirms ({ConfirmsInFlight} outstanding); manual acks, prefetch {Prefetch}");
                    }
                }
            }
        }
    }
}
