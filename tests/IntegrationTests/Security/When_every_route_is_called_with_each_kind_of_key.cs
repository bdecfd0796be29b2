using System.Net;
using System.Net.WebSockets;
using System.Text;
using Prism.Contracts;
using Prism.Contracts.Validation;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// The auth matrix over real HTTP on Standalone with auth on: every route × {no key, unknown key, read, submit,
/// admin, another tenant's submit key}. Health, metrics and the dashboard's static page need no key; everything
/// else 401s without a valid one, 403s for a role too weak, and hides tenant A's job from tenant B (404).
/// </summary>
[Collection(SecuredStandaloneCollection.Name)]
public sealed class When_every_route_is_called_with_each_kind_of_key(SecuredStandaloneFixture fixture)
{
    private const int Ok = 200, Accepted = 202, SwitchingProtocols = 101, Unauthorized = 401, Forbidden = 403, NotFound = 404, Conflict = 409;

    /// <summary>Identities in the order of each route's expected statuses.</summary>
    private static readonly (string Name, string? Key)[] Identities =
    [
        ("no-key", null), ("unknown-key", TestKeys.Unknown), ("read-a", TestKeys.ReadA),
        ("submit-a", TestKeys.SubmitA), ("admin", TestKeys.Admin), ("submit-b", TestKeys.SubmitB),
    ];

    private static readonly int[] Open = [Ok, Ok, Ok, Ok, Ok, Ok];
    private static readonly int[] Readable = [Unauthorized, Unauthorized, Ok, Ok, Ok, Ok];
    private static readonly int[] Submittable = [Unauthorized, Unauthorized, Forbidden, Accepted, Accepted, Accepted];
    private static readonly int[] OwnJobOnly = [Unauthorized, Unauthorized, Ok, Ok, Ok, NotFound];

    /// <summary>Route name → method, path (with {A} for tenant A's job), body, and the status each identity gets (-409: 202 or 409).</summary>
    private static Dictionary<string, (string Method, string Path, string? Body, int[] Expected)> Routes()
    {
        var routes = new Dictionary<string, (string, string, string?, int[])>(StringComparer.Ordinal)
        {
            ["GET /health"] = ("GET", "/health", null, Open),
            ["GET /health/live"] = ("GET", "/health/live", null, Open),
            ["GET /health/ready"] = ("GET", "/health/ready", null, Open),
            ["GET /metrics"] = ("GET", "/metrics", null, Open),
            ["GET / (dashboard page)"] = ("GET", "/", null, Open),
            ["POST /api/v1/jobs"] = ("POST", "/api/v1/jobs", $$"""{"kind":"pixels.entropy","input":{{SecuredStandaloneFixture.SmallFrame}}}""", Submittable),
            ["POST /api/v1/jobs/batch"] = ("POST", "/api/v1/jobs/batch", $$"""[{"kind":"pixels.entropy","input":{{SecuredStandaloneFixture.SmallFrame}}}]""", Submittable),
            ["GET /api/v1/results/{A}"] = ("GET", "/api/v1/results/{A}", null, OwnJobOnly),
            ["GET /api/v1/results"] = ("GET", "/api/v1/results", null, Readable),
            // Another tenant's job streams like an id of no job: open and empty (When_tenants_share_the_service).
            ["GET /api/v1/events?jobId={A} (SSE)"] = ("GET", "/api/v1/events?jobId={A}", null, Readable),
            ["GET /api/v1/events (SSE)"] = ("GET", "/api/v1/events", null, Readable),
            ["GET /ws (WebSocket)"] = ("WS", "/ws", null, [Unauthorized, Unauthorized, SwitchingProtocols, SwitchingProtocols, SwitchingProtocols, SwitchingProtocols]),
            ["DELETE /api/v1/jobs/{A}"] = ("DELETE", "/api/v1/jobs/{A}", null, [Unauthorized, Unauthorized, Forbidden, -Conflict, -Conflict, NotFound]),
            ["DELETE /api/v1/jobs/{unknown}"] = ("DELETE", $"/api/v1/jobs/{Guid.Empty}", null, [Unauthorized, Unauthorized, Forbidden, NotFound, NotFound, NotFound]),
            ["GET /api/v1/processors"] = ("GET", "/api/v1/processors", null, Readable),
            ["GET /api/v1/processor"] = ("GET", "/api/v1/processor", null, Readable),
        };
        foreach (var domain in JobKindCatalog.BuiltIn.ByDomain.Keys) routes[$"GET /api/v1/{domain}/health"] = ("GET", $"/api/v1/{domain}/health", null, Readable);
        foreach (var kind in JobKindCatalog.BuiltIn.Names)
        {
            var path = "/api/v1/" + kind.Replace('.', '/');
            routes[$"POST {path}"] = ("POST", path, File.ReadAllText(Repository.Sample(kind)), Submittable);
        }
        return routes;
    }

    public static TheoryData<string, string> Matrix
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var route in Routes().Keys.Order(StringComparer.Ordinal))
            {
                foreach (var (identity, _) in Identities) data.Add(route, identity);
            }
            return data;
        }
    }

    [Fact]
    public void The_matrix_covers_every_route_of_the_api() =>
        // 16 fixed routes + one health per domain + one alias per kind, each with six identities.
        Assert.Equal((16 + JobKindCatalog.BuiltIn.ByDomain.Count + JobKindCatalog.BuiltIn.All.Count) * Identities.Length, Matrix.Count);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task The_route_answers_the_identity_as_its_role_and_tenant_allow(string route, string identity)
    {
        var (method, path, body, expected) = Routes()[route];
        var index = Array.FindIndex(Identities, i => i.Name == identity);
        var key = Identities[index].Key;
        path = path.Replace("{A}", fixture.JobOfTenantA.ToString(), StringComparison.Ordinal);

        var (status, mediaType, text) = method == "WS" ? await ConnectWebSocketAsync(path, key) : await SendAsync(method, path, body, key);

        var want = expected[index];
        if (want < 0) Assert.True(status == Accepted || status == -want, $"{route} as {identity}: {status} {text}");
        else Assert.True(want == status, $"{route} as {identity}: expected {want}, got {status} {text}");
        // A WebSocket client sees the refused handshake's status but not its body.
        if (status >= 400 && method != "WS") Assert.Equal("application/problem+json", mediaType);
        if (status == Unauthorized && method != "WS") Assert.Contains("prism.dev/problems/unauthorized", text, StringComparison.Ordinal);
    }

    private async Task<(int Status, string? MediaType, string Text)> SendAsync(string method, string path, string? body, string? key)
    {
        using var client = fixture.Client(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        // Headers only: an event stream that was allowed stays open.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var text = mediaType == "text/event-stream" ? "(event stream)" : await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, mediaType, text);
    }

    private async Task<(int Status, string? MediaType, string Text)> ConnectWebSocketAsync(string path, string? key)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (key is not null) socket.Options.SetRequestHeader("X-API-Key", key);
        var uri = new UriBuilder(fixture.Standalone.BaseAddress) { Scheme = "ws", Path = path }.Uri;
        try
        {
            await socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", TestContext.Current.CancellationToken);
            return (SwitchingProtocols, null, "");
        }
        catch (WebSocketException ex)
        {
            return ((int)socket.HttpStatusCode, null, ex.Message);
        }
    }
}
