using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Infrastructure;
using Prism.Results.Processors;

namespace Prism.IntegrationTests.Security;

/// <summary>Tenant isolation on Standalone with auth on: tenant B never sees, streams or cancels tenant A's jobs; admin sees all.</summary>
[Collection(SecuredStandaloneCollection.Name)]
public sealed class When_tenants_share_the_service(SecuredStandaloneFixture fixture)
{
    [Fact]
    public async Task Each_tenant_lists_only_its_own_jobs_and_admin_lists_both()
    {
        var ofA = await ListAsync(TestKeys.ReadA);
        var ofB = await ListAsync(TestKeys.SubmitB);
        var all = await ListAsync(TestKeys.Admin);

        Assert.Contains(fixture.JobOfTenantA, ofA.Select(j => j.JobId));
        Assert.DoesNotContain(fixture.JobOfTenantB, ofA.Select(j => j.JobId));
        Assert.All(ofA, j => Assert.Equal(TestKeys.TenantA, j.TenantId));
        Assert.Contains(fixture.JobOfTenantB, ofB.Select(j => j.JobId));
        Assert.All(ofB, j => Assert.Equal(TestKeys.TenantB, j.TenantId));
        Assert.Contains(fixture.JobOfTenantA, all.Select(j => j.JobId));
        Assert.Contains(fixture.JobOfTenantB, all.Select(j => j.JobId));
    }

    [Fact]
    public async Task Another_tenants_job_is_not_found_for_reading_or_cancelling()
    {
        var ct = TestContext.Current.CancellationToken;
        using var b = fixture.Client(TestKeys.SubmitB);
        var a = fixture.JobOfTenantA;

        using var read = await b.GetAsync($"/api/v1/results/{a}", ct);
        using var cancel = await b.DeleteAsync($"/api/v1/jobs/{a}", ct);
        using var unknown = await b.GetAsync($"/api/v1/results/{Guid.NewGuid()}", ct);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        // Indistinguishable from a job that does not exist: same status, same problem type and title.
        var problem = await read.Content.ReadFromJsonAsync<JsonElement>(ct);
        var missing = await unknown.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(missing.GetProperty("type").GetString(), problem.GetProperty("type").GetString());
        Assert.Equal(missing.GetProperty("title").GetString(), problem.GetProperty("title").GetString());

        var view = await fixture.WaitFinishedAsync(a);
        Assert.Equal(JobStatus.Succeeded, view.Status);
        Assert.Equal(TestKeys.TenantA, view.TenantId);
    }

    /// <summary>
    /// On every job route, tenant B asking about A's job just submitted gets exactly what it gets for a UUIDv7
    /// minted at the same moment that names no job: same status, same body shape, and the same time to answer
    /// (within <see cref="SameTime"/>), so neither tells B that A's job exists.
    /// </summary>
    [Fact]
    public async Task Another_tenants_job_answers_exactly_as_an_id_that_names_no_job_on_every_job_route()
    {
        var ofA = await fixture.SubmitAsync(TestKeys.SubmitA);
        var nobody = Guid.CreateVersion7();
        await fixture.WaitFinishedAsync(ofA);
        using var b = fixture.Client(TestKeys.SubmitB);

        string[] routes = ["GET /api/v1/results/{id}", "GET /api/v1/results/{id}?waitSeconds=1", "GET /api/v1/events?jobId={id}", "DELETE /api/v1/jobs/{id}", "WS subscribe {id}"];
        foreach (var route in routes)
        {
            // Both at once: the DELETE of an id that may be about to be recorded waits for it.
            var (other, random) = (AskAsync(b, route, ofA), AskAsync(b, route, nobody));
            var (o, r) = (await other, await random);
            Measurements.Report($"existence-oracle route=\"{route}\" other-tenant={o.Answer} {o.Ms} ms, no-such-job={r.Answer} {r.Ms} ms");
            Assert.Equal(r.Answer, o.Answer);
            Assert.True(Math.Abs(o.Ms - r.Ms) < SameTime.TotalMilliseconds, $"{route}: another tenant's job took {o.Ms} ms, an id of no job {r.Ms} ms.");
        }
    }

    private static readonly TimeSpan SameTime = TimeSpan.FromSeconds(2);

    /// <summary>What <paramref name="route"/> answers for <paramref name="id"/>, with the job id blanked out, and how long it took.</summary>
    private async Task<(string Answer, long Ms)> AskAsync(HttpClient client, string route, Guid id)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string answer;
        if (route.StartsWith("WS ", StringComparison.Ordinal))
        {
            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", client.DefaultRequestHeaders.Authorization!.ToString());
            await socket.ConnectAsync(new UriBuilder(fixture.Standalone.BaseAddress) { Scheme = "ws", Path = "/ws" }.Uri, ct);
            await socket.SendAsync(Encoding.UTF8.GetBytes($$$"""{"type":"subscribe","jobIds":["{{{id}}}"]}"""), WebSocketMessageType.Text, true, ct);
            answer = await WebSocketFrames.ReceiveTextAsync(socket);
        }
        else
        {
            var (method, path) = (route.Split(' ')[0], route.Split(' ')[1].Replace("{id}", id.ToString(), StringComparison.Ordinal));
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            // A stream never ends: its status, type and opening line are its answer.
            var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                ? await new StreamReader(await response.Content.ReadAsStreamAsync(ct)).ReadLineAsync(ct)
                : await response.Content.ReadAsStringAsync(ct);
            answer = $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {body}";
        }
        answer = System.Text.RegularExpressions.Regex.Replace(answer, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"…\"");
        return (answer.Replace(id.ToString(), "{id}", StringComparison.OrdinalIgnoreCase), clock.ElapsedMilliseconds);
    }

    [Fact]
    public async Task Domain_health_counts_only_the_callers_tenant_and_everything_for_admin()
    {
        var ct = TestContext.Current.CancellationToken;
        async Task<int> JobsSeenBy(string key)
        {
            using var client = fixture.Client(key);
            return JsonDocument.Parse(await client.GetStringAsync("/api/v1/pixels/health", ct)).RootElement.GetProperty("jobs").GetInt32();
        }

        // Other tests of this collection leave jobs of their own, some without a tenant (an admin key's), which
        // only the admin sees; so the figures are compared as changes across one job of each tenant, each read
        // once two reads a snapshot apart agree (an earlier test's backlog may still be finishing).
        async Task<(int A, int B, int All)> SettledAsync()
        {
            (int, int, int) last = (-1, -1, -1);
            for (var round = 0; round < 15; round++)
            {
                var now = (await JobsSeenBy(TestKeys.ReadA), await JobsSeenBy(TestKeys.SubmitB), await JobsSeenBy(TestKeys.Admin));
                if (now == last) return now;
                last = now;
                await Task.Delay(DomainHealth.CacheFor + TimeSpan.FromMilliseconds(100), ct);
            }
            return last;
        }

        var before = await SettledAsync();
        await fixture.WaitFinishedAsync(await fixture.SubmitAsync(TestKeys.SubmitA));
        await fixture.WaitFinishedAsync(await fixture.SubmitAsync(TestKeys.SubmitB));
        var after = await SettledAsync();

        Assert.Equal(1, after.A - before.A);
        Assert.Equal(1, after.B - before.B);
        Assert.Equal(2, after.All - before.All);
    }

    [Fact]
    public async Task The_event_stream_replays_only_the_callers_tenant_and_everything_for_admin()
    {
        var ofB = await ReplayAsync(TestKeys.SubmitB, until: events => events.Any(e => e.JobId == fixture.JobOfTenantB && JobStatus.IsTerminal(e.Status)));
        var ofAdmin = await ReplayAsync(TestKeys.Admin, until: events =>
            events.Any(e => e.JobId == fixture.JobOfTenantA && JobStatus.IsTerminal(e.Status)) && events.Any(e => e.JobId == fixture.JobOfTenantB && JobStatus.IsTerminal(e.Status)));

        Assert.All(ofB, e => Assert.Equal(TestKeys.TenantB, e.TenantId));
        Assert.DoesNotContain(ofB, e => e.JobId == fixture.JobOfTenantA);
        Assert.Contains(ofAdmin, e => e.TenantId == TestKeys.TenantA);
        Assert.Contains(ofAdmin, e => e.TenantId == TestKeys.TenantB);
    }

    [Fact]
    public async Task A_WebSocket_subscribed_to_everything_receives_only_its_tenants_live_events()
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + TestKeys.SubmitB);
        await socket.ConnectAsync(new UriBuilder(fixture.Standalone.BaseAddress) { Scheme = "ws", Path = "/ws" }.Uri, ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"subscribe"}"""), WebSocketMessageType.Text, true, ct);
        Assert.Equal("subscribed", (await ReceiveAsync(socket)).GetProperty("type").GetString());

        // A's job runs to the end before B's is submitted, so B's stream would carry A's events first if it leaked.
        var ofA = await fixture.SubmitAsync(TestKeys.SubmitA);
        await fixture.WaitFinishedAsync(ofA);
        var ofB = await fixture.SubmitAsync(TestKeys.SubmitB);

        var received = new List<JobEvent>();
        while (!received.Any(e => e.JobId == ofB && JobStatus.IsTerminal(e.Status)))
        {
            var frame = await ReceiveAsync(socket);
            if (frame.GetProperty("type").GetString() == "event") received.Add(frame.GetProperty("event").Deserialize<JobEvent>(PrismJson.Options)!);
        }
        Assert.DoesNotContain(received, e => e.JobId == ofA);
        Assert.All(received, e => Assert.Equal(TestKeys.TenantB, e.TenantId));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
    }

    private async Task<IReadOnlyList<JobResultView>> ListAsync(string key)
    {
        using var client = fixture.Client(key);
        var page = await client.GetFromJsonAsync<JobPage>("/api/v1/results?limit=200", PrismJson.Options, TestContext.Current.CancellationToken);
        return page!.Items;
    }

    private async Task<List<JobEvent>> ReplayAsync(string key, Func<List<JobEvent>, bool> until)
    {
        using var client = fixture.Client(key);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync("/api/v1/events?lastEventId=0", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<JobEvent>();
        while (!until(events))
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add(JsonSerializer.Deserialize<JobEvent>(line["data: ".Length..], PrismJson.Options)!);
        }
        return events;
    }

    private static Task<JsonElement> ReceiveAsync(ClientWebSocket socket) => WebSocketFrames.ReceiveJsonAsync(socket);
}
