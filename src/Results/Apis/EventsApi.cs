using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;
using Prism.Results.Storage;
using Prism.Results.Streaming;
using Prism.ServiceDefaults.Http;
using Prism.ServiceDefaults.Security;

namespace Prism.Results.Apis;

/// <summary>
/// <c>GET /api/v1/events</c>: the job event stream as Server-Sent Events. With <c>Last-Event-ID</c>
/// (header or <c>lastEventId</c> query) the missed events are replayed from the store first, then
/// live ones follow, without gaps or duplicates, in id order. Without it, a stream for one <c>jobId</c>
/// starts at that job's first event and any other stream starts now: every event recorded after the
/// client reads the opening <c>: prism job events</c> comment reaches it. A <c>jobId</c> that is not the
/// caller's (another tenant's, or not recorded) gets the same open stream, with no events.
/// </summary>
public static class EventsApi
{
    private const int ReplayPage = 500;
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", StreamEvents).WithName("StreamEvents").WithTags("Events").RequireAuthorization(PrismPolicies.Read)
            .WithSummary("Job events as text/event-stream, filtered by jobId and kind, resumable with Last-Event-ID.");
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> StreamEvents(
        HttpContext http, Guid? jobId, string? kind, long? lastEventId, IResultStore store, EventBroadcaster broadcaster, JobKindCatalog kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(kinds);
        if (kind is not null && !kinds.Contains(kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["is not a known kind."] }, type: ProblemTypes.Validation);
        }
        var header = http.Request.Headers["Last-Event-ID"].ToString();
        long? resumeAfter = lastEventId;
        if (!string.IsNullOrEmpty(header))
        {
            if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Last-Event-ID"] = ["must be an event id this stream sent."] }, type: ProblemTypes.Validation);
            }
            resumeAfter = parsed;
        }

        // A jobId is not looked up: a stream for one not recorded yet (just submitted) is legitimate, and
        // another tenant's job then answers exactly like an id of no job: an open stream that stays empty
        // (the filter leaves other tenants' events out), with no store read to time.
        var filter = new EventFilter(jobId, kind) { Tenant = http.User.TenantScope() };
        // Subscribe before reading the store, so an event stored meanwhile still wakes the stream.
        using var live = broadcaster.Subscribe(filter);

        // Everything after `sent` comes from the store, where ids commit in order (one writer at a time);
        // live notifications only say when to look. They are published after each commit by concurrent
        // consumers, so they can arrive out of id order: sending them as they come could put 11 before
        // 10, and a client resuming after 11 would never see 10.
        var sent = resumeAfter ?? (jobId is not null ? 0 : await store.LatestEventIdAsync(cancellationToken).ConfigureAwait(false));

        // The opening comment goes out once the starting point is fixed: whatever is recorded after a
        // client has read it reaches that client.
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync(": prism job events\n\n", cancellationToken).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        sent = await SendStoredAfterAsync(http.Response, store, filter, sent, cancellationToken).ConfigureAwait(false);

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(KeepAlive);
                try
                {
                    if (!await live.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false)) break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", cancellationToken).ConfigureAwait(false);
                    await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var newest = sent;
                while (live.Reader.TryRead(out var e)) newest = Math.Max(newest, e.Id);
                if (newest > sent) sent = await SendStoredAfterAsync(http.Response, store, filter, sent, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream.
        }
        catch (ChannelClosedException) when (live.FellBehind.IsCancellationRequested)
        {
            // It fell too far behind: the stream ends, and the client resumes from the store with Last-Event-ID.
        }
        return TypedResults.Empty;
    }

    /// <summary>Sends the stored events after <paramref name="after"/> in id order; returns the last id sent.</summary>
    private static async Task<long> SendStoredAfterAsync(HttpResponse response, IResultStore store, EventFilter filter, long after, CancellationToken cancellationToken)
    {
        var sent = after;
        while (true)
        {
            var page = await store.EventsAfterAsync(sent, filter, ReplayPage, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                await WriteAsync(response, e, cancellationToken).ConfigureAwait(false);
                sent = e.Id;
            }
            if (page.Count < ReplayPage) break;
        }
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        return sent;
    }

    private static Task WriteAsync(HttpResponse response, JobEvent e, CancellationToken cancellationToken) =>
        response.WriteAsync($"id: {e.Id.ToString(CultureInfo.InvariantCulture)}\nevent: job\ndata: {JsonSerializer.Serialize(e, PrismJson.Options)}\n\n", cancellationToken);
}
