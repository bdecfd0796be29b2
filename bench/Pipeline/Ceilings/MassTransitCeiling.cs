using System.Diagnostics;
using MassTransit;

namespace Prism.Pipeline.Ceilings;

/// <summary>
/// MassTransit's bare publish → consume rate: the same library, message size and broker as the
/// pipeline, with nothing else done per message. Publishes run concurrently (as Ingest's HTTP requests
/// do); with RabbitMQ each publish is persistent and waits for its broker confirm, like Ingest's.
/// </summary>
public static class MassTransitCeiling
{
    public const int PublishConcurrency = 256;
    public const int Prefetch = 128;

    /// <summary>Runs on RabbitMQ at <paramref name="amqp"/>, or on the in-memory transport when it is null.</summary>
    public static async Task<CeilingResult> RunAsync(string? amqp, int messages, int messageBytes, CancellationToken cancellationToken)
    {
        var counter = new ConsumeCounter(messages);
        var queue = $"prism-bench-ceiling-{Guid.NewGuid():N}";
        var bus = amqp is null
            ? Bus.Factory.CreateUsingInMemory(cfg => cfg.ReceiveEndpoint(queue, e =>
            {
                e.ConcurrentMessageLimit = Prefetch;
                e.Consumer(() => new CeilingConsumer(counter));
            }))
            : Bus.Factory.CreateUsingRabbitMq(cfg =>
            {
                cfg.Host(new Uri(amqp), h => h.PublisherConfirmation = true);
                cfg.ReceiveEndpoint(queue, e =>
                {
                    e.AutoDelete = true;
                    e.PrefetchCount = Prefetch;
                    e.ConcurrentMessageLimit = Prefetch;
                    e.Consumer(() => new CeilingConsumer(counter));
                });
            });
        await bus.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var payload = new string('x', messageBytes);
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = PublishConcurrency, CancellationToken = cancellationToken },
                async (i, ct) => await bus.Publish(new CeilingMessage { Sequence = i, Payload = payload }, ct).ConfigureAwait(false)).ConfigureAwait(false);
            await counter.Done.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            return new CeilingResult(amqp is null ? "MassTransit in-memory" : "MassTransit + RabbitMQ", messages, messageBytes, seconds,
                $"{PublishConcurrency} concurrent publishes{(amqp is null ? "" : ", persistent, publisher confirms")}; one consumer, prefetch/concurrency {Prefetch}");
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}

public sealed record CeilingMessage
{
    public int Sequence { get; init; }
    public string Payload { get; init; } = "";
}

public sealed class CeilingConsumer(ConsumeCounter counter) : IConsumer<CeilingMessage>
{
    public Task Consume(ConsumeContext<CeilingMessage> context)
    {
        counter.Hit();
        return Task.CompletedTask;
    }
}
