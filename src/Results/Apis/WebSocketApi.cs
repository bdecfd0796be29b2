using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;
using Prism.Results.Streaming;
using Prism.ServiceDefaults.Http;
using Prism.ServiceDefaults.Security;

namespace Prism.Results.Apis;

/// <summary>
/// <c>GET /ws</c>: the job event stream over WebSocket. Client frames (JSON text):
/// <c>{"type":"subscribe","kinds":[…],"jobIds":[…]}</c> adds to the subscription (both empty = every
/// event), <c>{"type":"unsubscribe",…}</c> removes, <c>{"type":"ping"}</c> is answered by
/// <c>{"type":"pong"}</c>. Server frames: <c>{"type":"event","event":{…}}</c>,
/// <c>{"type":"subscribed","kinds":[…],"jobIdCount":n,"all":bool}</c>, and <c>{"type":"error","message":…}</c>
/// for a frame it cannot use — the connection stays open. The <see cref="WebSocketLimits"/> apply; a browser
/// page may connect only from this origin or one in <see cref="ResultsOptions.WebSocketAllowedOrigins"/>.
/// </summary>
public static class WebSocketApi
{
    /// <summary>The close reason of a subscriber that fell behind (a close reason is at most 123 bytes).</summary>
    public static readonly string FellBehindReason =
        $"Fell {EventBroadcaster.BufferPerSubscriber} events behind. Reconnect; GET /api/v1/events with Last-Event-ID replays.";

    public static IEndpointRouteBuilder MapWebSocketApi(this IEndpointRouteBuilder app)
    {
        app.Map("/ws", Connect).RequireAuthorization(PrismPolicies.Read).WithName("EventsWebSocket").WithTags("Events").WithSummary("Job events over WebSocket.");
        return app;
    }

    public static async Task Connect(HttpContext http, EventBroadcaster broadcaster, JobKindCatalog kinds, IOptions<ResultsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(options);
        // Browsers let any page open a WebSocket to any host and send no preflight: the Origin header is
        // the only sign of a page elsewhere reading this stream (auth off, or cookies on a proxy).
        if (!WebSocketOrigins.Allows(http.Request, options.Value.WebSocketAllowedOrigins))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, title: "This origin may not open the event stream.",
                detail: "Pages of another origin may connect only when Results:WebSocketAllowedOrigins lists their origin.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest, title: "Not a WebSocket request.",
                detail: "Connect with a WebSocket client (Upgrade: websocket).").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var state = new SubscriptionState();
        var scope = http.User.TenantScope();
        using var subscription = broadcaster.Subscribe(e => CallerExtensions.Sees(scope, e.TenantId) && state.Matches(e));
        var sendLock = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        // The pump can send the close frame only once its pending send completes, i.e. once the client
        // reads again; one that never does would hold the connection (and a send) forever.
        using var dropLagging = subscription.FellBehind.Register(() => stop.CancelAfter(WebSocketLimits.LaggingGrace));

        var pump = Task.Run(() => PumpAsync(socket, subscription, sendLock, stop.Token), stop.Token);

        var buffer = new byte[WebSocketLimits.MaxFrameBytes];
        var rate = new FrameRate();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var (text, closed, tooLarge) = await ReceiveAsync(socket, buffer, stop.Token).ConfigureAwait(false);
                if (closed) break;
                if (!rate.Allows(Environment.TickCount64))
                {
                    await CloseOutputAsync(socket, sendLock, $"More than {WebSocketLimits.MaxFramesPerSecond} frames per second.", stop.Token).ConfigureAwait(false);
                    return;
                }
                var reply = tooLarge ? Error($"Frames may be at most {WebSocketLimits.MaxFrameBytes} bytes.") : Handle(text!, state, kinds);
                await SendAsync(socket, sendLock, reply, stop.Token).ConfigureAwait(false);
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away, or was dropped for not reading.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try { await pump.ConfigureAwait(false); } catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or InvalidOperationException) { }
            sendLock.Dispose();
        }
    }

    /// <summary>Sends the subscription's events; once it fell behind, sends the rest of nothing and closes with the reason.</summary>
    private static async Task PumpAsync(WebSocket socket, EventBroadcaster.Subscription subscription, SemaphoreSlim sendLock, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in subscription.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (subscription.FellBehind.IsCancellationRequested) break;
                await SendAsync(socket, sendLock, new { type = "event", @event = e }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ChannelClosedException) when (subscription.FellBehind.IsCancellationRequested)
        {
        }
        if (subscription.FellBehind.IsCancellationRequested)
        {
            await CloseOutputAsync(socket, sendLock, FellBehindReason, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CloseOutputAsync(WebSocket socket, SemaphoreSlim sendLock, string reason, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            sendLock.Release();
        }
    }

    private static object Handle(string text, SubscriptionState state, JobKindCatalog kinds)
    {
        ClientFrame? frame;
        try
        {
            frame = JsonSerializer.Deserialize<ClientFrame>(text, PrismJson.Options);
        }
        catch (JsonException ex)
        {
            // The serializer's message names .NET types; the path names the field.
            return Error(ex.Path is null or "$"
                ? "Not a valid frame: expected a JSON object like {\"type\":\"subscribe\",\"kinds\":[…],\"jobIds\":[…]}."
                : $"Not a valid frame: {ex.Path[2..]} is not allowed here or has the wrong type (kinds: strings, jobIds: UUIDs).");
        }
        switch (frame?.Type)
        {
            case "ping":
                return new { type = "pong" };
            case "subscribe" or "unsubscribe":
                var unknown = frame.Kinds?.FirstOrDefault(k => !kinds.Contains(k));
                if (unknown is not null) return Error($"Unknown kind '{unknown}'.");
                return state.Apply(frame.Type == "subscribe", frame.Kinds ?? [], frame.JobIds ?? [])
                    ? state.Describe()
                    : Error($"A connection may follow at most {WebSocketLimits.MaxJobIds} job ids; unsubscribe some first. Nothing was changed.");
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

    /// <summary>Counts client frames per one-second window.</summary>
    private sealed class FrameRate
    {
        private long _windowStart = -1_000;
        private int _frames;

        public bool Allows(long nowMs)
        {
            if (nowMs - _windowStart >= 1000)
            {
                _windowStart = nowMs;
                _frames = 0;
            }
            return ++_frames <= WebSocketLimits.MaxFramesPerSecond;
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

        /// <summary>Applies a subscribe or unsubscribe; false (and nothing changed) when it would pass <see cref="WebSocketLimits.MaxJobIds"/>.</summary>
        public bool Apply(bool add, string[] kinds, Guid[] jobIds)
        {
            lock (_gate)
            {
                var kindSet = new HashSet<string>(_kinds);
                var jobSet = new HashSet<Guid>(_jobIds);
                if (add)
                {
                    jobSet.UnionWith(jobIds);
                    if (jobSet.Count > WebSocketLimits.MaxJobIds) return false;
                    if (kinds.Length == 0 && jobIds.Length == 0) _all = true;
                    kindSet.UnionWith(kinds);
                }
                else
                {
                    if (kinds.Length == 0 && jobIds.Length == 0) _all = false;
                    kindSet.ExceptWith(kinds);
                    jobSet.ExceptWith(jobIds);
                }
                _kinds = kindSet;
                _jobIds = jobSet;
                return true;
            }
        }

        public object Describe()
        {
            // Kinds are few; job ids can be a thousand, so the reply counts them rather than echoing them.
            lock (_gate) return new { type = "subscribed", kinds = _kinds.Order(StringComparer.Ordinal).ToArray(), jobIdCount = _jobIds.Count, all = _all };
        }
    }
}
