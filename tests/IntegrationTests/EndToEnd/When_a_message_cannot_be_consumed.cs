using System.Text;
using Prism.Contracts;
using Prism.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>
/// Issue 14, row 0: a 77 MB delivery was larger than RabbitMQ.Client lets a connection read (64 MiB by default),
/// so Results' connection dropped on it, the broker delivered it again, and again, and nothing behind it was
/// ever consumed. A message no consumer can use must leave the queue for <c>prism-results_error</c> after a
/// bounded number of tries, whatever its size, and the jobs after it must be recorded.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_a_message_cannot_be_consumed(RabbitMqService rabbit, PostgresService postgres)
{
    [Fact]
    public async Task A_70_MB_one_goes_to_the_error_queue_and_a_job_after_it_is_recorded()
    {
        await using var stack = await DistributedStack.StartAsync(rabbit, postgres);

        // Above RabbitMQ.Client's default inbound limit, below RabbitMQ 3's default max_message_size (128 MiB), and
        // not JSON: an envelope cut off in the middle.
        var body = new byte[70_000_000];
        Array.Fill(body, (byte)'x');
        Encoding.UTF8.GetBytes("{\"messageType\":[\"urn:message:Prism.Contracts:JobCompleted\"],\"message\":{\"result\":\"").CopyTo(body, 0);
        var factory = new ConnectionFactory { Uri = new Uri(stack.Broker) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString() };
            await channel.BasicPublishAsync("", QueueNames.Results, mandatory: false, properties, body);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var inError = 0L;
        while (inError == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            inError = (await rabbit.QueueAsync(stack.Broker, $"{QueueNames.Results}_error")).Messages;
        }

        using var ingestClient = stack.Ingest.CreateClient();
        using var resultsClient = stack.Results.CreateClient();
        var jobId = await LifecycleScenarios.SubmitAsync(ingestClient, "/api/v1/pixels/entropy", LifecycleScenarios.SmallFrame);
        var job = await LifecycleScenarios.TryWaitAsync(resultsClient, jobId, TimeSpan.FromSeconds(20));

        Measurements.Report($"row 0: a 70 MB unreadable message on {QueueNames.Results}: {inError} in {QueueNames.Results}_error after {30 - Math.Max(0, (deadline - DateTime.UtcNow).TotalSeconds):F1} s; a job after it ended {job?.Status ?? "unrecorded"}");
        Assert.True(inError == 1, $"{inError} messages in {QueueNames.Results}_error\n--- results:\n{stack.OutputTails}");
        Assert.Equal(JobStatus.Succeeded, job?.Status);
    }
}
