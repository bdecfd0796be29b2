using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>What a client of the job lifecycle sees over real HTTP, SSE and WebSocket; run on each deployment mode.</summary>
public static class LifecycleScenarios
{
    private static readonly string SmallFrame = """{"width":4,"height":2,"pixels":[1,2,3,4,5,6,7,8],"window":3,"bins":4}""";
    private static readonly string SmallSegment = """{"width":4,"height":2,"pixels":[0,9,9,0,0,9,0,0],"threshold":5}""";

    public static async Task<Guid> SubmitAsync(HttpClient ingest, string alias, string input)
    {
        using var response = await ingest.PostAsync(alias, new StringContent(input, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JobReceipt>(PrismJson.Options))!.JobId;
    }

    public static async Task<JobResultView> WaitAsync(HttpClient results, Guid jobId)
    {
        for (var i = 0; i < 3; i++)
        {
            var job = await results.GetFromJsonAsync<JobResultView>($"/api/v1/results/{jobId}?waitSeconds=30", PrismJson.Options);
            if (job is not null && JobStatus.IsTerminal(job.Status)) return job;
        }
        throw new TimeoutException($"Job {jobId} did not finish.");
    }

    /// <summary>Reads an SSE stream into a list until cancelled.</summary>
    private static async Task ReadSseAsync(HttpClient results, string url, long? lastEventId, List<JobEvent> into, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var response = await results.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                var e = JsonSerializer.Deserialize<JobEvent>(line[6..], PrismJson.Options)!;
                lock (into) into.Add(e);
            }
        }
        catch (OperationCanceledException)
        {
            // The test hung up.
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Disconnect, miss events, reconnect with Last-Event-ID: exactly the missed events, in order, once each.</summary>
    public static async Task SseResumesWithExactlyTheMissedEventsAsync(HttpClient ingest, HttpClient results)
    {
        var first = new List<JobEvent>();
        using (var hangUp = new CancellationTokenSource())
        {
            var reading = ReadSseAsync(results, "/api/v1/events?kind=pixels.entropy", null, first, hangUp.Token);
            await Task.Delay(500); // let the subscription register before submitting
            var early = new[] { await SubmitAsync(ingest, "/api/v1/pixels/entropy", SmallFrame), await SubmitAsync(ingest, "/api/v1/pixels/entropy", SmallFrame) };
            await WaitForAsync(() => { lock (first) return early.All(id => first.Any(e => e.JobId == id && e.Type == JobEventTypes.Completed)); }, "the first jobs' completion events");
            await hangUp.CancelAsync();
            await reading;
        }
        long lastSeen;
        lock (first) lastSeen = first.Max(e => e.Id);

        var missed = new[] { await SubmitAsync(ingest, "/api/v1/pixels/entropy", SmallFrame), await SubmitAsync(ingest, "/api/v1/pixels/entropy", SmallFrame), await SubmitAsync(ingest, "/api/v1/pixels/entropy", SmallFrame) };
        foreach (var id in missed) await WaitAsync(results, id);

        var resumed = new List<JobEvent>();
        using (var hangUp = new CancellationTokenSource())
        {
            var reading = ReadSseAsync(results, "/api/v1/events?kind=pixels.entropy", lastSeen, resumed, hangUp.Token);
            await WaitForAsync(() => { lock (resumed) return missed.All(id => resumed.Any(e => e.JobId == id && e.Type == JobEventTypes.Completed)); }, "the missed events");
            var live = await SubmitAsync(ingest, "/api/v1/pixels/entropy", SmallFrame);
            await WaitForAsync(() => { lock (resumed) return resumed.Any(e => e.JobId == live && e.Type == JobEventTypes.Completed); }, "a live event after the replay");
            await Task.Delay(500); // anything duplicated would arrive now
            await hangUp.CancelAsync();
            await reading;
        }

        lock (resumed)
        {
            Assert.All(resumed, e => Assert.True(e.Id > lastSeen));
            Assert.Equal(resumed.Select(e => e.Id).Order(), resumed.Select(e => e.Id));
            Assert.Equal(resumed.Count, resumed.Select(e => e.Id).Distinct().Count());
            foreach (var id in missed)
            {
                Assert.Equal([JobEventTypes.Submitted, JobEventTypes.Started, JobEventTypes.Completed], resumed.Where(e => e.JobId == id).Select(e => e.Type));
            }
            Assert.DoesNotContain(resumed, e => first.Any(f => f.Id == e.Id));
        }
    }

    /// <summary>Subscribe by kind over WebSocket: only that kind arrives; bad frames get an error frame and the socket stays usable.</summary>
    public static async Task WebSocketDeliversOnlyTheSubscribedKindAsync(HttpClient ingest, HttpClient results)
    {
        using var socket = new ClientWebSocket();
        var ws = new UriBuilder(results.BaseAddress!) { Scheme = "ws", Path = "/ws" }.Uri;
        await socket.ConnectAsync(ws, CancellationToken.None);

        await SendAsync(socket, """{"type":"subscribe","kinds":["pixels.segment"]}""");
        var subscribed = await ReceiveAsync(socket);
        Assert.Equal("subscribed", subscribed.GetProperty("type").GetString());

        var entropy = await SubmitAsync(ingest, "/api/v1/pixels/entropy", SmallFrame);
        var segment = await SubmitAsync(ingest, "/api/v1/pixels/segment", SmallSegment);
        await WaitAsync(results, entropy);

        var events = new List<JobEvent>();
        while (!events.Any(e => e.JobId == segment && e.Type == JobEventTypes.Completed))
        {
            var frame = await ReceiveAsync(socket);
            Assert.Equal("event", frame.GetProperty("type").GetString());
            events.Add(frame.GetProperty("event").Deserialize<JobEvent>(PrismJson.Options)!);
        }
        Assert.All(events, e => Assert.Equal(JobKinds.PixelsSegment, e.Kind));
        Assert.DoesNotContain(events, e => e.JobId == entropy);

        await SendAsync(socket, "{not json");
        Assert.Equal("error", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, """{"type":"dance"}""");
        Assert.Equal("error", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    /// <summary>Cancelling a finished job is a 409 carrying its state; an unknown one a 404.</summary>
    public static async Task CancellingAFinishedJobIsAConflictAsync(HttpClient ingest, HttpClient results)
    {
        var id = await SubmitAsync(ingest, "/api/v1/pixels/entropy", SmallFrame);
        var done = await WaitAsync(results, id);

        using var conflict = await results.DeleteAsync($"/api/v1/jobs/{id}");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        using var problem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync());
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(done.Status, problem.RootElement.GetProperty("jobStatus").GetString());
        using var missing = await results.DeleteAsync($"/api/v1/jobs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
    }
}
