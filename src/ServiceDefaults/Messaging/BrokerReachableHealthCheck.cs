using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Prism.ServiceDefaults.Messaging;

/// <summary>
/// Ready only while the broker accepts connections. MassTransit's own check follows the receive
/// endpoints, but a process that only publishes (Ingest) has none started, so it would stay "ready"
/// through a broker outage and take requests it can only refuse.
/// </summary>
public sealed class BrokerReachableHealthCheck(Uri broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var port = broker.IsDefaultPort || broker.Port <= 0 ? (broker.Scheme == "amqps" ? 5671 : 5672) : broker.Port;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(broker.Host, port, timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"RabbitMQ at {broker.Host}:{port} accepts connections");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ at {broker.Host}:{port} is unreachable: {ex.Message}");
        }
    }
}
