using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Results.Streaming;
using Prism.ServiceDefaults.Security;

namespace Prism.Results.Apis;

/// <summary>
/// <c>GET /ws</c>: the job event stream over WebSocket. Client frames (JSON text):
/// <c>{"type":"subscribe","kinds":[…],"jobIds":[…]}</c> adds to the subscription (both empty = every
/// event), <c>{"type":"unsubscribe",…}</c> removes, <c>{"type":"ping"}</c> is answered by
/// <c>{"type":"pong"}</c>. Server frames: <c>{"type":"event","event":{…}}</c>,
/// <c>{"type":"subscribed","kinds":[…],"jobIds":[…],"all":bool}</c>, and <c>{"type":"error","message":…}</c>
/// for a frame it cannot use — the connection stays open.
/// </summary>
public static class WebSocketApi
{
    private const int MaxFrameBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWebSocketApi(this IEndpointRouteBuilder app)
    {
        app.Map("/ws", Connect).RequireAuthorization(PrismPolicies.Read).WithName("EventsWebSocket").WithTags("Events").WithSummary("Job events over WebSocket.");
        return app;
    }

    public static async Task Connect(HttpContext http, EventBroadcaster broadcaster)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("Connect with a WebSocket client (Upgrade: websocket).").ConfigureAwait(false);
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var state = new SubscriptionState();
        var scope = http.User.TenantScope();
        using var subscription = broadcaster.Subscribe(e => CallerExtensions.Sees(scope, e.TenantId) && state.Matches(e));
        var sendLock = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);

        var pump = Task.Run(async () =>
        {
            await foreach (var e in subscription.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await SendAsync(socket, sendLock, new { type = "event", @event = e }, stop.Token).ConfigureAwait(false);
            }
        }, stop.Token);

        var buffer = new byte[MaxFrameBytes];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var (text, closed, tooLarge) = await ReceiveAsync(socket, buffer, stop.Token).ConfigureAwait(false);
                if (closed) break;
                var reply = tooLarge ? Error($"Frames may be at most {MaxFrameBytes} bytes.") : Handle(text!, state);
                await SendAsync(socket, sendLock, reply, stop.Token).ConfigureAwait(false);
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try { await pump.ConfigureAwait(false); } catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or InvalidOperationException) { }
            sendLock.Dispose();
        }
    }

    private static object Handle(string text, SubscriptionState state)
    {
        ClientFrame? frame;
        try
        {
            frame = JsonSerializer.Deserialize<ClientFrame>(text, PrismJson.Options);
        }
        catch (JsonException ex)
        {
            return Error($"Not a valid frame: {ex.Message}");
        }
        switch (frame?.Type)
        {
            case "ping":
                return new { type = "pong" };
            case "subscribe" or "unsubscribe":
                var unknown = frame.Kinds?.FirstOrDefault(k => !JobKinds.All.Contains(k));
                if (unknown is not null) return Error($"Unknown kind '{unknown}'.");
                state.Apply(frame.Type == "subscribe", frame.Kinds ?? [], frame.JobIds ?? []);
                return state.Describe();
            default:
                return Error("type must be subscribe, unsubscribe or ping.");
        }
    }

    private static object Error(string message) => new { type = "error", message };

    private static async Task SendAsync(WebSocket socket, SemaphoreSlim sendLock, object frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, PrismJson.Options);
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private static async Task<(string? Text, bool Closed, bool TooLarge)> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return (null, true, false);
            count += result.Count;
            if (result.EndOfMessage) return (Encoding.UTF8.GetString(buffer, 0, count), false, false);
            if (count == buffer.Length)
            {
                // Drain the rest of the oversized frame, then report it.
                while (!(await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false)).EndOfMessage) { }
                return (null, false, true);
            }
        }
    }

    private sealed record ClientFrame(string? Type, string[]? Kinds, Guid[]? JobIds);

    /// <summary>What one connection subscribed to. Written by the receive loop, read by the broadcaster.</summary>
    private sealed class SubscriptionState
    {
        private readonly Lock _gate = new();
        private HashSet<string> _kinds = [];
        private HashSet<Guid> _jobIds = [];
        private bool _all;

        public bool Matches(JobEvent e)
        {
            lock (_gate) return _all || _kinds.Contains(e.Kind) || _jobIds.Contains(e.JobId);
        }

        public void Apply(bool add, string[] kinds, Guid[] jobIds)
        {
            lock (_gate)
            {
                var kindSet = new HashSet<string>(_kinds);
                var jobSet = new HashSet<Guid>(_jobIds);
                if (add)
                {
                    if (kinds.Length == 0 && jobIds.Length == 0) _all = true;
                    kindSet.UnionWith(kinds);
                    jobSet.UnionWith(jobIds);
                }
                else
                {
                    if (kinds.Length == 0 && jobIds.Length == 0) _all = false;
                    kindSet.ExceptWith(kinds);
                    jobSet.ExceptWith(jobIds);
                }
                _kinds = kindSet;
                _jobIds = jobSet;
            }
        }

        public object Describe()
        {
            lock (_gate) return new { type = "subscribed", kinds = _kinds.Order(StringComparer.Ordinal).ToArray(), jobIds = _jobIds.Order().ToArray(), all = _all };
        }
    }
}
