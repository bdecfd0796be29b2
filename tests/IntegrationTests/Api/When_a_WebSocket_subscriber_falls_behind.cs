using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Results.Apis;
using Prism.Results.Streaming;

namespace Prism.IntegrationTests.Api;

/// <summary>
/// A WebSocket subscriber that stops reading while tens of thousands of events flow, over real TCP
/// (Kestrel, a real <see cref="ClientWebSocket"/> with a small receive buffer so the server's sends
/// block on a full window as they would for a stalled browser tab). The documented behaviour: once
/// <see cref="EventBroadcaster.BufferPerSubscriber"/> events behind, the server closes with a reason.
/// </summary>
public sealed class When_a_WebSocket_subscriber_falls_behind
{
    private const int Events = 40_000;
    private static readonly TimeSpan CloseWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task It_gets_a_close_frame_with_the_reason_and_one_that_never_reads_is_dropped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new ResultsFactory();
        var ws = ResultsFactory.StartOnKestrel(factory);
        var broadcaster = factory.Services.GetRequiredService<EventBroadcaster>();

        using var handler = SmallReceiveBuffer();
        using var invoker = new HttpMessageInvoker(handler);
        using var slow = await ConnectAsync(ws, invoker, ct);
        using var stalled = await ConnectAsync(ws, invoker, ct);
        Assert.Equal(2, broadcaster.Count);

        // Neither reads while the events flow.
        var tenant = "t";
        for (var i = 1; i <= Events; i++)
        {
            broadcaster.Publish(new JobEvent
            {
                Id = i, JobId = Guid.CreateVersion7(), Kind = JobKinds.PixelsEntropy, Type = JobEventTypes.Submitted, Status = JobStatus.Queued,
                At = DateTimeOffset.UtcNow, TenantId = tenant,
            });
        }

        // The slow one reads again: what the network buffered, then a close frame with the reason, in bounded time.
        var clock = Stopwatch.StartNew();
        var received = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CloseWithin);
        var buffer = new byte[1 << 16];
        WebSocketReceiveResult result;
        try
        {
            while ((result = await slow.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close)
            {
                if (result.EndOfMessage) received++;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Assert.Fail($"No close frame within {CloseWithin.TotalSeconds} s: received {received} of {Events} events, then nothing.");
        }
        Measurements.Report($"websocket-slow-subscriber events={Events} received-before-close={received} close-after-ms={clock.ElapsedMilliseconds}");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, slow.CloseStatus);
        Assert.Contains($"{EventBroadcaster.BufferPerSubscriber} events behind", slow.CloseStatusDescription, StringComparison.Ordinal);
        Assert.True(received < Events, $"A subscriber that fell behind still got all {received} events.");

        // The one that never reads again is dropped, not held open forever with a send that cannot finish.
        while (broadcaster.Count > 0)
        {
            Assert.True(clock.Elapsed < CloseWithin + WebSocketLimits.LaggingGrace, $"{broadcaster.Count} subscriber(s) still held {clock.Elapsed.TotalSeconds:F0} s after falling behind.");
            await Task.Delay(100, ct);
        }
        Assert.NotNull(stalled);
    }

    /// <summary>Client sockets with a small receive buffer (autotuning off), so the server's sends block soon.</summary>
    private static SocketsHttpHandler SmallReceiveBuffer() => new()
    {
        ConnectCallback = async (context, token) =>
        {
            var s = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
            await s.ConnectAsync(context.DnsEndPoint, token);
            return new NetworkStream(s, ownsSocket: true);
        },
    };

    private static async Task<ClientWebSocket> ConnectAsync(Uri uri, HttpMessageInvoker invoker, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, invoker, ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"subscribe"}"""), WebSocketMessageType.Text, true, ct);
        var buffer = new byte[4096];
        var reply = await socket.ReceiveAsync(buffer, ct);
        Assert.Equal("subscribed", JsonDocument.Parse(buffer.AsMemory(0, reply.Count)).RootElement.GetProperty("type").GetString());
        return socket;
    }
}
