using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Prism.IntegrationTests.Infrastructure;
using Prism.Results;
using Prism.Results.Apis;

namespace Prism.IntegrationTests.Api;

/// <summary>
/// <c>/ws</c> over real Kestrel with auth off (the default): which origins may connect, the caps on what one
/// connection may subscribe to and how fast it may send, and what its error answers may say.
/// </summary>
public sealed class When_a_WebSocket_client_connects : IAsyncLifetime
{
    private const string ExtraOrigin = "https://dashboard.example.com";
    private readonly ResultsFactory _results = new();
    private WebApplicationFactory<ResultsOptions>? _factory;
    private Uri _ws = null!;

    public ValueTask InitializeAsync()
    {
        _factory = _results.WithWebHostBuilder(b => b.UseSetting("Results:WebSocketAllowedOrigins:0", ExtraOrigin));
        _ws = ResultsFactory.StartOnKestrel(_factory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await _results.DisposeAsync();
    }

    private string SameOrigin => $"http://{_ws.Authority}";

    [Fact]
    public async Task A_page_of_another_origin_is_refused_with_403_problem_json()
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "https://evil.example");
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_ws, ct));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(_ws) { Scheme = "http" }.Uri);
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await http.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Contains("origin", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("same")]
    [InlineData("configured")]
    [InlineData(null)]
    public async Task The_same_origin_a_configured_one_and_a_non_browser_client_connect(string? origin)
    {
        using var socket = new ClientWebSocket();
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin == "same" ? SameOrigin : ExtraOrigin);
        await socket.ConnectAsync(_ws, TestContext.Current.CancellationToken);

        var reply = await ExchangeAsync(socket, """{"type":"subscribe","kinds":["pixels.entropy"]}""");

        Assert.Equal("subscribed", reply.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_plain_GET_is_answered_with_problem_json()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new UriBuilder(_ws) { Scheme = "http" }.Uri, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"type":"subscribe","jobIds":["not-a-uuid"]}""", "jobIds")]
    [InlineData("""{"type":"subscribe","kinds":"pixels.entropy"}""", "kinds")]
    [InlineData("""{"type":"subscribe","colour":"red"}""", "colour")]
    [InlineData("""not json""", "JSON")]
    public async Task A_bad_frame_gets_an_error_naming_the_field_and_no_NET_type(string frame, string field)
    {
        using var socket = await ConnectAsync();

        var reply = await ExchangeAsync(socket, frame);

        Assert.Equal("error", reply.GetProperty("type").GetString());
        var message = reply.GetProperty("message").GetString()!;
        Assert.Contains(field, message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Prism.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("+", message, StringComparison.Ordinal);
        // The socket stays usable.
        Assert.Equal("pong", (await ExchangeAsync(socket, """{"type":"ping"}""")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Job_ids_per_connection_are_capped_and_replies_stay_short()
    {
        using var socket = await ConnectAsync();
        string Subscribe(int count) => JsonSerializer.Serialize(new { type = "subscribe", jobIds = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()) });

        var first = await ExchangeRawAsync(socket, Subscribe(600));
        var second = await ExchangeRawAsync(socket, Subscribe(600));

        var accepted = JsonDocument.Parse(first).RootElement;
        Assert.Equal("subscribed", accepted.GetProperty("type").GetString());
        Assert.Equal(600, accepted.GetProperty("jobIdCount").GetInt32());
        Assert.True(first.Length < 512, $"The reply to a 600-id subscribe is {first.Length} bytes: it echoes the set.");
        var refused = JsonDocument.Parse(second).RootElement;
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Contains(WebSocketLimits.MaxJobIds.ToString(CultureInfo.InvariantCulture), refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Nothing of the refused frame was applied.
        Assert.Equal(600, (await ExchangeAsync(socket, """{"type":"subscribe","kinds":["pixels.entropy"]}""")).GetProperty("jobIdCount").GetInt32());
    }

    [Fact]
    public async Task A_client_sending_more_frames_per_second_than_allowed_is_closed_with_the_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = await ConnectAsync();
        var ping = Encoding.UTF8.GetBytes("""{"type":"ping"}""");

        for (var i = 0; i < 100 && socket.State == WebSocketState.Open; i++)
        {
            try { await socket.SendAsync(ping, WebSocketMessageType.Text, true, ct); }
            catch (WebSocketException) { break; }
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var pongs = 0;
        var buffer = new byte[4096];
        WebSocketReceiveResult result;
        while ((result = await socket.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close) pongs++;

        Assert.InRange(pongs, 1, WebSocketLimits.MaxFramesPerSecond);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Contains($"{WebSocketLimits.MaxFramesPerSecond} frames per second", socket.CloseStatusDescription, StringComparison.Ordinal);
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(_ws, TestContext.Current.CancellationToken);
        return socket;
    }

    private static async Task<JsonElement> ExchangeAsync(ClientWebSocket socket, string frame) =>
        JsonDocument.Parse(await ExchangeRawAsync(socket, frame)).RootElement.Clone();

    private static async Task<string> ExchangeRawAsync(ClientWebSocket socket, string frame)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
        return await WebSocketFrames.ReceiveTextAsync(socket);
    }
}
