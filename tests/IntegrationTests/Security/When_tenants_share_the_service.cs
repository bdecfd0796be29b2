using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Infrastructure;

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
    public async Task Another_tenants_job_is_not_found_for_reading_streaming_or_cancelling()
    {
        var ct = TestContext.Current.CancellationToken;
        using var b = fixture.Client(TestKeys.SubmitB);
        var a = fixture.JobOfTenantA;

        using var read = await b.GetAsync($"/api/v1/results/{a}", ct);
        using var cancel = await b.DeleteAsync($"/api/v1/jobs/{a}", ct);
        using var stream = await b.GetAsync($"/api/v1/events?jobId={a}", HttpCompletionOption.ResponseHeadersRead, ct);
        using var unknown = await b.GetAsync($"/api/v1/results/{Guid.NewGuid()}", ct);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stream.StatusCode);
        // Indistinguishable from a job that does not exist: same status, same problem type and title.
        var problem = await read.Content.ReadFromJsonAsync<JsonElement>(ct);
        var missing = await unknown.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(missing.GetProperty("type").GetString(), problem.GetProperty("type").GetString());
        Assert.Equal(missing.GetProperty("title").GetString(), problem.GetProperty("title").GetString());

        var view = await fixture.WaitFinishedAsync(a);
        Assert.Equal(JobStatus.Succeeded, view.Status);
        Assert.Equal(TestKeys.TenantA, view.TenantId);
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
