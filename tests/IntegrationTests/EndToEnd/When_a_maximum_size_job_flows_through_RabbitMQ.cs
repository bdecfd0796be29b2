using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Kinds.Pixels;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.EndToEnd;

/// <summary>
/// Issue 14, row 0: one valid 2048×2048 <c>pixels.entropy</c> job (the largest frame the kind accepts) once
/// reached Results as a 77 MB message that Results' connection could never receive; the message was
/// redelivered forever and no job was recorded after it. Here it must end (succeeded, or failed with
/// <c>result_too_large</c>), and 100 tiny jobs submitted after it must all succeed, on the distributed
/// stack: Ingest, Processor and Results as real processes over RabbitMQ and PostgreSQL.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_a_maximum_size_job_flows_through_RabbitMQ(RabbitMqService rabbit, PostgresService postgres)
{
    private const int Side = 2048;
    private const int TinyJobs = 100;

    /// <summary>Every message must fit under the bus's limit (<c>Bus:MaxMessageBytes</c>, 64 MiB by default).</summary>
    private const long MaxMessageBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task It_ends_and_100_tiny_jobs_after_it_all_succeed()
    {
        await using var stack = await DistributedStack.StartAsync(rabbit, postgres);
        var broker = stack.Broker;
        using var ingestClient = stack.Ingest.CreateClient();
        using var resultsClient = stack.Results.CreateClient();
        var stopwatch = Stopwatch.StartNew();

        // Copies of what goes on the wire for the large job: its JobSubmitted, and its outcome.
        var submittedProbe = await QueueProbe.BindAsync(rabbit, broker, typeof(JobSubmitted));
        var outcomeProbe = await QueueProbe.BindAsync(rabbit, broker, typeof(JobCompleted), typeof(JobFailed));
        long bodyBytes, submittedBytes, outcomeBytes;
        Guid largeJob;
        await using (submittedProbe)
        await using (outcomeProbe)
        {
            var random = new Random(14);
            var pixels = new ushort[Side * Side];
            for (var i = 0; i < pixels.Length; i++) pixels[i] = (ushort)random.Next(0, 65536);
            var body = JsonSerializer.SerializeToUtf8Bytes(new PixelsEntropyInput { Width = Side, Height = Side, Pixels = pixels, Window = 3, Bins = 32 }, PrismJson.Options);
            bodyBytes = body.Length;
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await ingestClient.PostAsync("/api/v1/pixels/entropy", content);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            largeJob = (await response.Content.ReadFromJsonAsync<JobReceipt>(PrismJson.Options))!.JobId;

            var outcome = await outcomeProbe.WaitForAsync(1, TimeSpan.FromSeconds(60));
            Assert.True(outcome.Messages == 1, $"the processor published no outcome for the large job within 60 s\n--- processor:\n{stack.OutputTails}");
            outcomeBytes = outcome.Bytes;
            submittedBytes = (await submittedProbe.WaitForAsync(1, TimeSpan.FromSeconds(5))).Bytes;
        }
        Measurements.Report($"row 0: {Side}x{Side} pixels.entropy: request body {bodyBytes / 1e6:F1} MB, JobSubmitted message {submittedBytes / 1e6:F1} MB, outcome message {outcomeBytes / 1e6:F1} MB (limit {MaxMessageBytes / 1e6:F1} MB), computed after {stopwatch.Elapsed.TotalSeconds:F1} s");

        var tiny = await SubmitTinyJobsAsync(ingestClient);
        var large = await LifecycleScenarios.TryWaitAsync(resultsClient, largeJob, TimeSpan.FromSeconds(30));
        var tinyOutcomes = await Task.WhenAll(tiny.Select(id => LifecycleScenarios.TryWaitAsync(resultsClient, id, TimeSpan.FromSeconds(30))));
        var tinySucceeded = tinyOutcomes.Count(j => j?.Status == JobStatus.Succeeded);
        Measurements.Report($"row 0: large job ended {large?.Status ?? "unrecorded"} {large?.Error?.Code}; {tinySucceeded}/{TinyJobs} tiny jobs after it succeeded; {stopwatch.Elapsed.TotalSeconds:F1} s in all");

        Assert.True(submittedBytes is > 0 and <= MaxMessageBytes, $"JobSubmitted was {submittedBytes} bytes");
        Assert.True(outcomeBytes is > 0 and <= MaxMessageBytes, $"the outcome message was {outcomeBytes} bytes");
        Assert.True(large is not null, $"Results never recorded the large job\n--- results:\n{stack.OutputTails}");
        Assert.True(large.Status == JobStatus.Succeeded || (large.Status == JobStatus.Failed && large.Error?.Code == ErrorCodes.ResultTooLarge),
            $"the large job ended {large.Status} {large.Error?.Code} {large.Error?.Message}\n--- results:\n{stack.OutputTails}");
        Assert.True(tinySucceeded == TinyJobs, $"{tinySucceeded}/{TinyJobs} tiny jobs succeeded\n--- results:\n{stack.OutputTails}");
        if (large.Status == JobStatus.Succeeded)
        {
            Assert.Equal(Side * Side, large.Result!.Value.GetProperty("entropyMap").GetArrayLength());
        }
    }

    private static async Task<Guid[]> SubmitTinyJobsAsync(HttpClient ingest)
    {
        var ids = new Guid[TinyJobs];
        await Parallel.ForEachAsync(Enumerable.Range(0, TinyJobs), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ids[i] = await LifecycleScenarios.SubmitAsync(ingest, "/api/v1/pixels/entropy", LifecycleScenarios.SmallFrame));
        return ids;
    }
}
