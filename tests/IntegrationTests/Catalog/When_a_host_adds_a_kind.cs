using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Prism.Compute;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.ServiceDefaults.Kinds;
using Prism.Standalone;

namespace Prism.IntegrationTests.Catalog;

/// <summary>
/// Standalone in-process with one kind added from this assembly through the catalog (<c>AddJobKind</c>) and its
/// handler (<c>AddKindHandler</c>), and no other list edited: Ingest accepts it, the processor serves it, and every
/// Results API recognises it.
/// </summary>
public sealed class When_a_host_adds_a_kind : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-catalog-").FullName;
    private WebApplicationFactory<StartupBanner> _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new WebApplicationFactory<StartupBanner>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:results", $"Data Source={Path.Combine(_directory, "prism.db")}");
            builder.UseSetting("Processor:Engine", EngineNames.Cpu);
            builder.ConfigureTestServices(services => services.AddJobKind(new ScratchEchoKind()).AddKindHandler<ScratchEchoHandler>());
        });
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task It_is_accepted_served_and_recognised_by_every_results_api()
    {
        var ct = TestContext.Current.CancellationToken;

        using var submitted = await _client.PostAsync("/api/v1/scratch/echo", new StringContent("""{"text":"prism"}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var receipt = (await submitted.Content.ReadFromJsonAsync<JobReceipt>(ct))!;
        Assert.Equal(ScratchEchoKind.KindName, receipt.Kind);

        using var invalid = await _client.PostAsync("/api/v1/scratch/echo", new StringContent("""{"text":""}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var job = (await _client.GetFromJsonAsync<JobResultView>($"/api/v1/results/{receipt.JobId}?waitSeconds=30", PrismJson.Options, ct))!;
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal("msirp", job.Result!.Value.GetProperty("reversed").GetString());

        var page = (await _client.GetFromJsonAsync<JobPage>($"/api/v1/results?kind={ScratchEchoKind.KindName}", PrismJson.Options, ct))!;
        Assert.Equal(new[] { receipt.JobId }, page.Items.Select(i => i.JobId));

        Assert.Contains(receipt.JobId.ToString(), await ReadEventsAsync($"/api/v1/events?kind={ScratchEchoKind.KindName}&lastEventId=0", receipt.JobId, ct), StringComparison.Ordinal);

        var socket = await _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(_factory.Server.BaseAddress, "ws"), ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"type":"subscribe","kinds":["{{ScratchEchoKind.KindName}}"]}"""), WebSocketMessageType.Text, endOfMessage: true, ct);
        var buffer = new byte[4096];
        var frame = await socket.ReceiveAsync(buffer, ct);
        Assert.Equal("subscribed", JsonDocument.Parse(buffer.AsMemory(0, frame.Count)).RootElement.GetProperty("type").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);

        // The processor announces its kinds in its heartbeats; the first may not have been recorded yet.
        Assert.True(await ProcessorServesAsync(ScratchEchoKind.KindName, ct), "GET /api/v1/processors lists a processor serving scratch.echo.");
        var health = (await _client.GetFromJsonAsync<DomainHealthView>("/api/v1/scratch/health", PrismJson.Options, ct))!;
        Assert.Equal(new[] { ScratchEchoKind.KindName }, health.Kinds);
        Assert.Equal("healthy", health.Status);
        Assert.Equal(1, health.Processors);
        Assert.Equal(1, health.Jobs);
    }

    private async Task<bool> ProcessorServesAsync(string kind, CancellationToken ct)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            using var processors = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/processors", ct));
            if (processors.RootElement.EnumerateArray().Any(p => p.GetProperty("kinds").EnumerateArray().Any(k => k.GetString() == kind))) return true;
            await Task.Delay(100, ct);
        }
        return false;
    }

    [Fact]
    public async Task An_unknown_kind_is_still_refused_by_the_same_apis()
    {
        var ct = TestContext.Current.CancellationToken;
        using var submitted = await _client.PostAsync("/api/v1/jobs", new StringContent("""{"kind":"scratch.other","input":{}}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        Assert.Contains(ScratchEchoKind.KindName, await submitted.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var listed = await _client.GetAsync("/api/v1/results?kind=scratch.other", ct);
        Assert.Equal(HttpStatusCode.BadRequest, listed.StatusCode);
        using var events = await _client.GetAsync("/api/v1/events?kind=scratch.other", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.BadRequest, events.StatusCode);
        using var health = await _client.GetAsync("/api/v1/other/health", ct);
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
    }

    private async Task<string> ReadEventsAsync(string path, Guid jobId, CancellationToken ct)
    {
        using var response = await _client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var seen = new StringBuilder();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(jobId.ToString(), StringComparison.Ordinal) && line.Contains(JobStatus.Succeeded, StringComparison.Ordinal)) break;
        }
        return seen.ToString();
    }
}
