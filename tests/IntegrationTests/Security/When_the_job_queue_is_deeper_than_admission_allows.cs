using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// Admission control over a real RabbitMQ with no processor consuming: once the jobs queue holds more than
/// Ingest:Admission:MaxQueueDepth, Ingest answers 503 + Retry-After and queues nothing more.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_the_job_queue_is_deeper_than_admission_allows(RabbitMqService rabbit)
{
    private const int MaxQueueDepth = 3;

    [Fact]
    public async Task Ingest_refuses_with_503_and_Retry_After_and_the_refused_jobs_are_not_queued()
    {
        var ct = TestContext.Current.CancellationToken;
        var broker = await rabbit.CreateVirtualHostAsync();
        await using var ingest = await ServiceProcess.StartAsync("Ingest", new Dictionary<string, string>
        {
            ["ConnectionStrings__rabbitmq"] = broker,
            ["Ingest__Admission__MaxQueueDepth"] = MaxQueueDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Measure on every request, so the bound is exact rather than off by a second's worth of submissions.
            ["Ingest__Admission__DepthCacheMilliseconds"] = "0",
            ["Ingest__Admission__RetryAfterSeconds"] = "7",
        });
        using var client = ingest.CreateClient();

        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await client.PostAsync("/api/v1/pixels/entropy", new StringContent(HostileCorpus.ValidInput, Encoding.UTF8, "application/json"), ct);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted++;
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal("https://prism.dev/problems/overloaded", problem.GetProperty("type").GetString());
            Assert.Equal(MaxQueueDepth + 1, problem.GetProperty("queueDepth").GetInt64());
        }
        // Depths 0..3 were within the bound, so exactly four were queued before the fifth was refused.
        Assert.Equal(MaxQueueDepth + 1, accepted);

        using var again = await client.PostAsync("/api/v1/jobs/batch",
            new StringContent($"[{HostileCorpus.ValidEnvelope}]", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
        Assert.Equal((uint)accepted, await QueueDepthAsync(broker, ct));
    }

    private static async Task<uint> QueueDepthAsync(string broker, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        return (await channel.QueueDeclarePassiveAsync(QueueNames.Jobs, ct)).MessageCount;
    }
}
