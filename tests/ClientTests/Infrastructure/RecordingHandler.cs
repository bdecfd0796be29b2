using System.Collections.Concurrent;

namespace Prism.ClientTests.Infrastructure;

/// <summary>Passes every request on to the real server and records what was sent.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public sealed record Sent(HttpMethod Method, Uri Uri, string? Authorization, string? LastEventId);

    public ConcurrentQueue<Sent> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(new Sent(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("Last-Event-ID", out var ids) ? ids.Single() : null));
        return base.SendAsync(request, cancellationToken);
    }
}
