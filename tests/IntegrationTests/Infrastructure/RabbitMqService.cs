using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Testcontainers.RabbitMq;

namespace Prism.IntegrationTests.Infrastructure;

/// <summary>
/// The broker: <c>$PRISM_TEST_RABBITMQ</c> (an amqp:// URI, with <c>$PRISM_TEST_RABBITMQ_MANAGEMENT</c>
/// for its management API), else a Testcontainers RabbitMQ. <see cref="CreateVirtualHostAsync"/>
/// gives each test its own virtual host, so queues never carry one test's messages into another.
/// </summary>
public sealed class RabbitMqService : ExternalService
{
    private RabbitMqContainer? _container;
    private Uri? _management;

    protected override string Name => "RabbitMQ";
    protected override string EnvironmentVariable => "PRISM_TEST_RABBITMQ";

    protected override async Task<string> StartContainerAsync()
    {
        _container = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
        await _container.StartAsync();
        _management = new Uri($"http://guest:guest@{_container.Hostname}:{_container.GetMappedPublicPort(15672)}/");
        return _container.GetConnectionString();
    }

    protected override async Task StopContainerAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }

    /// <summary>Creates a fresh virtual host (guest has full rights) and returns its amqp:// URI.</summary>
    public async Task<string> CreateVirtualHostAsync()
    {
        var amqp = new Uri(Require());
        var vhost = $"prism-test-{Guid.NewGuid():N}";

        using var http = CreateManagementClient();
        (await http.PutAsync($"/api/vhosts/{vhost}", new StringContent("{}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(ManagementUri.UserInfo).Split(':')[0];
        (await http.PutAsync($"/api/permissions/{vhost}/{user}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        return new UriBuilder(amqp) { Path = "/" + vhost }.Uri.ToString();
    }

    /// <summary>A client for the broker's HTTP management API, authenticated as the broker's user.</summary>
    public HttpClient CreateManagementClient()
    {
        var management = ManagementUri;
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return http;
    }

    /// <summary>The virtual host of an amqp:// URI, escaped for a management API path.</summary>
    public static string VirtualHostPath(string amqpUri) => Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));

    /// <summary>Messages in a queue of the virtual host of <paramref name="amqpUri"/>, and their bytes, as the broker counts them; (0, 0) when it does not exist.</summary>
    public async Task<(long Messages, long Bytes)> QueueAsync(string amqpUri, string queue)
    {
        using var management = CreateManagementClient();
        using var response = await management.GetAsync($"/api/queues/{VirtualHostPath(amqpUri)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return (0, 0);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (Number(body, "messages"), Number(body, "message_bytes"));
    }

    private static long Number(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private Uri ManagementUri
    {
        get
        {
            Require();
            return _management ?? new Uri(Environment.GetEnvironmentVariable("PRISM_TEST_RABBITMQ_MANAGEMENT")
                ?? throw new InvalidOperationException("PRISM_TEST_RABBITMQ_MANAGEMENT must be set with PRISM_TEST_RABBITMQ (scripts/services.sh prints both)."));
        }
    }
}
