using Prism.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Prism.Ingest.Admission;

/// <summary>
/// Reads the jobs queue's ready-message count with a passive declare on a connection of its own (the
/// bus's connection is MassTransit's to manage). A queue not declared yet holds nothing.
/// </summary>
public sealed class RabbitMqQueueDepthProbe(Uri broker, TimeSpan timeout) : IQueueDepthProbe, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    public async Task<long> ReadDepthAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (channel.ConfigureAwait(false))
        {
            try
            {
                var queue = await channel.QueueDeclarePassiveAsync(QueueNames.Jobs, cancellationToken).ConfigureAwait(false);
                return queue.MessageCount;
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
                return 0;
            }
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open) return open;
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is { IsOpen: true } again) return again;
            if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
            var factory = new ConnectionFactory
            {
                Uri = broker,
                RequestedConnectionTimeout = timeout,
                ContinuationTimeout = timeout,
                ClientProvidedName = "prism-ingest-admission",
                AutomaticRecoveryEnabled = false,
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        _connecting.Dispose();
    }
}
