using System.Net;
using System.Text;
using Prism.Contracts;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>
/// Issue 14, row 0: a service whose receive endpoint is stopped or faulted consumes nothing, so it must not be
/// ready. The endpoint is broken for real: its queue is deleted under the running service and declared again
/// with arguments the service's own declaration does not match, so every attempt to restart the endpoint is
/// refused by the broker (PRECONDITION_FAILED). MassTransit reported that as a Degraded bus, which ASP.NET
/// Core health checks answer with 200.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_a_receive_endpoint_stops(RabbitMqService rabbit, PostgresService postgres)
{
    [Theory]
    [InlineData("Results", QueueNames.Results, """{"durable":true,"arguments":{"x-max-priority":2}}""")]
    [InlineData("Processor", QueueNames.Jobs, """{"durable":true,"arguments":{}}""")]
    public async Task Readiness_answers_503_until_it_consumes_again(string service, string queue, string conflictingDeclaration)
    {
        var environment = await DistributedStack.EnvironmentAsync(rabbit, postgres);
        await using var process = await ServiceProcess.StartAsync(service, environment);
        using var management = rabbit.CreateManagementClient();
        var path = $"/api/queues/{RabbitMqService.VirtualHostPath(environment["ConnectionStrings__rabbitmq"])}/{queue}";

        // The service may declare its queue again between the delete and the put: then delete it again.
        var replaced = false;
        for (var attempt = 0; attempt < 20 && !replaced; attempt++)
        {
            using (await management.DeleteAsync(path)) { }
            using var put = await management.PutAsync(path, new StringContent(conflictingDeclaration, Encoding.UTF8, "application/json"));
            replaced = put.IsSuccessStatusCode;
        }
        Assert.True(replaced, $"could not replace {queue} with a conflicting declaration");

        var (notReady, body) = await process.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));
        Measurements.Report($"row 0: {service} with its {queue} endpoint faulted: /health/ready {(notReady ? "503" : "stayed 200")} ({body.Length} bytes: {Shorten(body)})");
        Assert.True(notReady, $"{service} stayed ready with its {queue} endpoint faulted: {body}");
        Assert.Contains(queue, body, StringComparison.Ordinal);

        // Once the queue can be declared as the service declares it, the endpoint restarts and the service is ready again.
        using (await management.DeleteAsync(path)) { }
        var (ready, after) = await process.WaitForReadinessAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.True(ready, $"{service} did not become ready again once its queue could be declared: {after}\n{process.OutputTail}");
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
