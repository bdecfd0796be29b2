using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>What a client of the job lifecycle sees over real HTTP, SSE and WebSocket; run on each deployment mode.</summary>
public static class LifecycleScenarios
{
    internal static readonly string SmallFrame = """{"width":4,"height":2,"pixels":[1,2,3,4,5,6,7,8],"window":3,"bins":4}""";
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

    /// <summary>Long-polls the job until it is terminal or the time is up; null when Results never recorded it.</summary>
    public static async Task<JobResultView?> TryWaitAsync(HttpClient results, Guid jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JobResultView? job = null;
        while (DateTime.UtcNow < deadline && (job is null || !JobStatus.IsTerminal(job.Status)))
        {
            var wait = Math.Max(1, (int)(deadline - DateTime.UtcNow).TotalSeconds);
            using var poll = await results.GetAsync($"/api/v1/results/{jobId}?waitSeconds={wait}");
            if (poll.StatusCode == HttpStatusCode.OK) job = await poll.Content.ReadFromJsonAsync<JobResultView>(PrismJson.Options);
            else await Task.Delay(250);
        }
        return job;
    }

    /// <summary>Reads an SSE stream into a list until cancelled.</summary>
    internal static async Task ReadSseAsync(HttpClient results, string url, long? lastEventId, List<JobEvent> into, CancellationToken cancellationToken, TaskCompletionSource? opened = null)
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
                opened?.TrySetResult();
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
            var opened = new TaskCompletionSource();
            var reading = ReadSseAsync(results, "/api/v1/events?kind=pixels.entropy", null, first, hangUp.Token, opened);
            await opened.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the stream's opening comment: from here on nothing recorded is missed
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

        // All three of the job's events, not just up to `completed`: the fan-out may hand them over in
        // another order (WebSocket sends them as announced), and one left unread would pass for a reply below.
        var events = new List<JobEvent>();
        string[] stages = [JobEventTypes.Submitted, JobEventTypes.Started, JobEventTypes.Completed];
        while (!stages.All(t => events.Any(e => e.JobId == segment && e.Type == t)))
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

    private static Task<JsonElement> ReceiveAsync(ClientWebSocket socket) => WebSocketFrames.ReceiveJsonAsync(socket);

    // ---- Cancellation, deadlines, priorities, idempotency and batches. The deployment runs one compute slot
    // (Processor:MaxConcurrentJobs=1), so a job that holds it keeps everything behind it queued for as long as
    // the scenario needs; cancelling that job frees the slot at a moment the scenario chooses.

    /// <summary>
    /// A graph colouring the CPU engine needs tens of seconds for: every colour count it fails to reach costs the
    /// full budget (6 chains × 5 M tabu iterations, within graph.color's work limit of 5·10⁸) on a dense 250-vertex
    /// graph. It is never left to finish.
    /// </summary>
    private static string BlockerEnvelope()
    {
        var random = new Random(7);
        var edges = new List<int[]>();
        for (var u = 0; u < 250; u++)
        {
            for (var v = u + 1; v < 250; v++)
            {
                if (random.NextDouble() < 0.5) edges.Add([u, v]);
            }
        }
        return JsonSerializer.Serialize(new
        {
            kind = JobKinds.GraphColor,
            input = new { vertexCount = 250, edges, attempts = 6, iterations = 5_000_000, seed = 1 },
        });
    }

    private static string SmallEnvelope(int priority = 0, int? deadlineSeconds = null, int salt = 0) => JsonSerializer.Serialize(new
    {
        kind = JobKinds.PixelsEntropy,
        input = new { width = 4, height = 2, pixels = new[] { 1, 2, 3, 4, 5, 6, 7, salt }, window = 3, bins = 4 },
        priority,
        deadlineSeconds,
    }, PrismJson.Options);

    private static async Task<Guid> SubmitEnvelopeAsync(HttpClient ingest, string envelope, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = new StringContent(envelope, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await ingest.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JobReceipt>(PrismJson.Options))!.JobId;
    }

    /// <summary>The job as Results has it now, or null while Results has not recorded it.</summary>
    private static async Task<JobResultView?> PeekAsync(HttpClient results, Guid jobId)
    {
        using var response = await results.GetAsync($"/api/v1/results/{jobId}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JobResultView>(PrismJson.Options);
    }

    private static async Task<JobResultView> WaitForStatusAsync(HttpClient results, Guid jobId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JobResultView? job;
        while ((job = await PeekAsync(results, jobId))?.Status != status)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} stayed {job?.Status ?? "unrecorded"}, expected {status}.");
            await Task.Delay(100);
        }
        return job!;
    }

    /// <summary>Submits the blocker and waits until it holds the only compute slot.</summary>
    private static async Task<Guid> OccupyTheProcessorAsync(HttpClient ingest, HttpClient results)
    {
        var blocker = await SubmitEnvelopeAsync(ingest, BlockerEnvelope());
        await WaitForStatusAsync(results, blocker, JobStatus.Running);
        return blocker;
    }

    private static async Task CancelAsync(HttpClient results, Guid jobId)
    {
        using var response = await results.DeleteAsync($"/api/v1/jobs/{jobId}");
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"DELETE {jobId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A job's whole event history, replayed by the SSE stream for that job, up to its last event.</summary>
    private static async Task<List<JobEvent>> EventsOfAsync(HttpClient results, Guid jobId, int count)
    {
        var events = new List<JobEvent>();
        using var hangUp = new CancellationTokenSource();
        var reading = ReadSseAsync(results, $"/api/v1/events?jobId={jobId}", null, events, hangUp.Token);
        await WaitForAsync(() => { lock (events) return events.Count >= count; }, $"{count} events of job {jobId}");
        await hangUp.CancelAsync();
        await reading;
        return events;
    }

    /// <summary>A job cancelled while queued ends cancelled and never runs: no start time, no started event.</summary>
    public static async Task CancellingAQueuedJobMeansItNeverRunsAsync(HttpClient ingest, HttpClient results)
    {
        var blocker = await OccupyTheProcessorAsync(ingest, results);
        var queued = await SubmitEnvelopeAsync(ingest, SmallEnvelope(salt: 1));
        var after = await SubmitEnvelopeAsync(ingest, SmallEnvelope(salt: 2));
        await WaitForStatusAsync(results, queued, JobStatus.Queued);

        await CancelAsync(results, queued);
        await CancelAsync(results, blocker);

        // Same priority, one slot: `after` runs only once the processor has taken `queued` off its queue.
        Assert.Equal(JobStatus.Succeeded, (await WaitAsync(results, after)).Status);
        var job = await WaitAsync(results, queued);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Null(job.StartedAt);
        Assert.Null(job.Accelerator);
        Assert.Equal(ErrorCodes.Cancelled, job.Error?.Code);
        var events = await EventsOfAsync(results, queued, 2);
        Assert.Equal([JobEventTypes.Submitted, JobEventTypes.Cancelled], events.Select(e => e.Type));
    }

    /// <summary>A running job that is cancelled stops computing: the slot it held is free seconds later, not minutes.</summary>
    public static async Task CancellingARunningJobStopsItAsync(HttpClient ingest, HttpClient results)
    {
        var blocker = await OccupyTheProcessorAsync(ingest, results);
        var next = await SubmitEnvelopeAsync(ingest, SmallEnvelope(salt: 3));
        await WaitForStatusAsync(results, next, JobStatus.Queued);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await CancelAsync(results, blocker);
        // `next` can only start once the blocker gave its slot back, which it does only when it stops computing.
        var done = await WaitAsync(results, next);
        var stoppedWithin = stopwatch.Elapsed;

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.True(stoppedWithin < TimeSpan.FromSeconds(15), $"The cancelled job held its slot for {stoppedWithin.TotalSeconds:F1} s.");
        var job = await WaitAsync(results, blocker);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.NotNull(job.StartedAt);
        Assert.True(done.StartedAt >= job.CompletedAt, "The next job started before the cancelled one ended.");
        var events = await EventsOfAsync(results, blocker, 3);
        Assert.Equal([JobEventTypes.Submitted, JobEventTypes.Started, JobEventTypes.Cancelled], events.Select(e => e.Type));
    }

    /// <summary>A job still queued when its deadline passes fails with deadline_exceeded and never runs.</summary>
    public static async Task AJobQueuedPastItsDeadlineFailsWithoutRunningAsync(HttpClient ingest, HttpClient results)
    {
        var blocker = await OccupyTheProcessorAsync(ingest, results);
        var late = await SubmitEnvelopeAsync(ingest, SmallEnvelope(deadlineSeconds: 1, salt: 4));
        var queued = await WaitForStatusAsync(results, late, JobStatus.Queued);
        var pastDeadline = queued.SubmittedAt.AddSeconds(1.5) - DateTimeOffset.UtcNow;
        if (pastDeadline > TimeSpan.Zero) await Task.Delay(pastDeadline); // the deadline has to pass while it waits
        await CancelAsync(results, blocker);

        var job = await WaitAsync(results, late);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(ErrorCodes.DeadlineExceeded, job.Error?.Code);
        Assert.Null(job.StartedAt);
        var events = await EventsOfAsync(results, late, 2);
        Assert.Equal([JobEventTypes.Submitted, JobEventTypes.Failed], events.Select(e => e.Type));
    }

    /// <summary>A priority-9 job sent after a flood of priority-0 ones overtakes them.</summary>
    public static async Task AHighPriorityJobOvertakesAFloodAsync(HttpClient ingest, HttpClient results)
    {
        var blocker = await OccupyTheProcessorAsync(ingest, results);
        var flood = new List<Guid>();
        for (var i = 0; i < 20; i++) flood.Add(await SubmitEnvelopeAsync(ingest, SmallEnvelope(priority: 0, salt: 10 + i)));
        var urgent = await SubmitEnvelopeAsync(ingest, SmallEnvelope(priority: 9, salt: 99));
        foreach (var id in flood.Append(urgent)) await WaitForStatusAsync(results, id, JobStatus.Queued);
        await CancelAsync(results, blocker);

        var first = await WaitAsync(results, urgent);
        var rest = new List<JobResultView>();
        foreach (var id in flood) rest.Add(await WaitAsync(results, id));

        Assert.All(rest.Append(first), j => Assert.Equal(JobStatus.Succeeded, j.Status));
        var overtaken = rest.Count(j => j.StartedAt > first.StartedAt);
        // All 20 unless one was already on its way into the slot when the urgent job arrived.
        Assert.True(overtaken >= 18, $"The priority-9 job started after {20 - overtaken} of the 20 priority-0 jobs it was sent after. Started: urgent {first.StartedAt:O}, flood {string.Join(", ", rest.Select(j => j.StartedAt?.ToString("O")))}");
        Assert.True(rest.Count(j => j.CompletedAt > first.CompletedAt) >= 18);
    }

    /// <summary>Twelve concurrent submissions under one Idempotency-Key make one job; the key with another body is a 409.</summary>
    public static async Task OneIdempotencyKeyMakesOneJobAsync(HttpClient ingest, HttpClient results)
    {
        var key = $"order-{Guid.NewGuid():N}";
        var body = SmallEnvelope(salt: 5);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await ingest.SendAsync(request);
            var receipt = response.StatusCode == HttpStatusCode.Accepted ? await response.Content.ReadFromJsonAsync<JobReceipt>(PrismJson.Options) : null;
            return (response.StatusCode, Replayed: response.Headers.Contains("Idempotent-Replayed"), receipt?.JobId);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var id = Assert.Single(responses.Select(r => r.JobId).Distinct())!.Value;
        Assert.Equal(11, responses.Count(r => r.Replayed));
        Assert.Equal(JobStatus.Succeeded, (await WaitAsync(results, id)).Status);

        using var conflict = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = new StringContent(SmallEnvelope(salt: 6), Encoding.UTF8, "application/json") };
        conflict.Headers.Add("Idempotency-Key", key);
        using var rejected = await ingest.SendAsync(conflict);
        Assert.Equal(HttpStatusCode.Conflict, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        Assert.Equal(id, problem.RootElement.GetProperty("jobId").GetGuid());

        // A marker sent after everything else: once it is done, any duplicate would have been recorded too.
        var marker = await SubmitEnvelopeAsync(ingest, SmallEnvelope(salt: 7));
        await WaitAsync(results, marker);
        Assert.Equal([id, marker], (await AllJobsAsync(results)).Select(j => j.JobId).Order());
    }

    /// <summary>Batches: 1000 queue, 1001 are refused naming the limit, one bad item refuses the whole batch naming its index.</summary>
    public static async Task BatchesAreAllOrNothingWithinTheLimitAsync(HttpClient ingest, HttpClient results)
    {
        static StringContent Batch(IEnumerable<string> items) => new($"[{string.Join(',', items)}]", Encoding.UTF8, "application/json");

        using (var tooMany = await ingest.PostAsync("/api/v1/jobs/batch", Batch(Enumerable.Range(0, 1001).Select(i => SmallEnvelope(salt: i)))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
            Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await tooMany.Content.ReadAsStringAsync());
            Assert.Contains("1000", problem.RootElement.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        }
        var withABadItem = Enumerable.Range(0, 10).Select(i => SmallEnvelope(salt: i)).ToArray();
        withABadItem[7] = """{"kind":"pixels.entropy","input":{"width":4,"height":2,"pixels":[1,2,3]}}""";
        using (var invalid = await ingest.PostAsync("/api/v1/jobs/batch", Batch(withABadItem)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
            var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
            Assert.NotEmpty(fields);
            Assert.All(fields, f => Assert.StartsWith("[7].", f, StringComparison.Ordinal));
        }
        var marker = await SubmitEnvelopeAsync(ingest, SmallEnvelope(salt: 8));
        await WaitAsync(results, marker);
        Assert.Equal([marker], (await AllJobsAsync(results)).Select(j => j.JobId)); // neither refused batch queued anything

        using var full = await ingest.PostAsync("/api/v1/jobs/batch", Batch(Enumerable.Range(0, 1000).Select(i => SmallEnvelope(salt: i))));
        Assert.Equal(HttpStatusCode.Accepted, full.StatusCode);
        var receipts = (await full.Content.ReadFromJsonAsync<JobReceipt[]>(PrismJson.Options))!;
        Assert.Equal(1000, receipts.Select(r => r.JobId).Distinct().Count());
        // Recording 1000 jobs takes a while on a small machine: poll the listing rather than one job.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        HashSet<Guid> recorded;
        while ((recorded = (await AllJobsAsync(results)).Select(j => j.JobId).ToHashSet()).Count < 1001 && DateTime.UtcNow < deadline) await Task.Delay(1000);
        Assert.Equal(receipts.Select(r => r.JobId).Append(marker).Order(), recorded.Order());
    }

    /// <summary>Every job the store holds, through the paged listing.</summary>
    private static async Task<List<JobResultView>> AllJobsAsync(HttpClient results)
    {
        var all = new List<JobResultView>();
        string? cursor = null;
        do
        {
            var page = (await results.GetFromJsonAsync<JobPage>($"/api/v1/results?limit=500{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", PrismJson.Options))!;
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
