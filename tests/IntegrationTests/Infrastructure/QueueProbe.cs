using System.Text;
using System.Text.Json;

namespace Prism.IntegrationTests.Infrastructure;

/// <summary>
/// A queue of the test's own, bound to message exchanges (<c>Prism.Contracts:JobCompleted</c>, …) through the
/// broker's management API: it receives a copy of every message published to them, so a test can read the
/// sizes the services really put on the wire. Nothing consumes it; deleting it drops the copies.
/// </summary>
public sealed class QueueProbe : IAsyncDisposable
{
    private readonly RabbitMqService _rabbit;
    private readonly string _broker;
    private readonly string _queue;

    private QueueProbe(RabbitMqService rabbit, string broker, string queue)
    {
        _rabbit = rabbit;
        _broker = broker;
        _queue = queue;
    }

    /// <summary>Declares the probe queue in the virtual host of <paramref name="amqpUri"/> and binds it to each message type's exchange.</summary>
    public static async Task<QueueProbe> BindAsync(RabbitMqService rabbit, string amqpUri, params Type[] messageTypes)
    {
        var vhost = RabbitMqService.VirtualHostPath(amqpUri);
        var queue = $"probe-{Guid.NewGuid():N}";
        using var management = rabbit.CreateManagementClient();
        (await management.PutAsync($"/api/queues/{vhost}/{queue}", Json(new { durable = false, auto_delete = false }))).EnsureSuccessStatusCode();
        foreach (var type in messageTypes)
        {
            // MassTransit's exchange for a message type: "Namespace:Name", fanout, durable.
            var exchange = Uri.EscapeDataString($"{type.Namespace}:{type.Name}");
            (await management.PutAsync($"/api/exchanges/{vhost}/{exchange}", Json(new { type = "fanout", durable = true }))).EnsureSuccessStatusCode();
            (await management.PostAsync($"/api/bindings/{vhost}/e/{exchange}/q/{queue}", Json(new { routing_key = "" }))).EnsureSuccessStatusCode();
        }
        return new QueueProbe(rabbit, amqpUri, queue);
    }

    /// <summary>Messages in the probe and their total body size in bytes, as the broker counts them.</summary>
    public Task<(long Messages, long Bytes)> ReadAsync() => _rabbit.QueueAsync(_broker, _queue);

    /// <summary>
    /// Waits until the probe holds at least <paramref name="messages"/> messages and the broker has counted their
    /// bytes (its statistics count a large message some moments after it is enqueued); returns what it holds then.
    /// </summary>
    public async Task<(long Messages, long Bytes)> WaitForAsync(long messages, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = await ReadAsync();
        while ((seen.Messages < messages || seen.Bytes == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            seen = await ReadAsync();
        }
        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        using var management = _rabbit.CreateManagementClient();
        using (await management.DeleteAsync($"/api/queues/{RabbitMqService.VirtualHostPath(_broker)}/{_queue}")) { }
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
