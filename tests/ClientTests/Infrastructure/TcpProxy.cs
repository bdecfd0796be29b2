using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Prism.ClientTests.Infrastructure;

/// <summary>
/// A loopback TCP forwarder in front of a server whose open connections can be cut at will — a dropped network
/// connection, as a client sees it, without stopping the server.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly ConcurrentDictionary<int, (Socket Client, Socket Upstream)> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _next;

    public TcpProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _next);

    /// <summary>Closes every open connection; new ones are still accepted.</summary>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var (id, pair) in _connections)
        {
            if (!_connections.TryRemove(id, out _)) continue;
            // Socket.Close on a socket the pump already disposed is a no-op.
            pair.Client.Close(0);
            pair.Upstream.Close(0);
            dropped++;
        }
        return dropped;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var upstream = new TcpClient();
            await upstream.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            var id = Interlocked.Increment(ref _next);
            _connections[id] = (client.Client, upstream.Client);
            _ = PumpAsync(id, client, upstream);
        }
    }

    private async Task PumpAsync(int id, TcpClient client, TcpClient upstream)
    {
        try
        {
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // A cut connection ends its pumps this way.
        }
        finally
        {
            _connections.TryRemove(id, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropAll();
        await _accepting;
        _stop.Dispose();
    }
}
