using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Prism.Compute;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Faults.Rig;

namespace Prism.IntegrationTests.Faults;

/// <summary>
/// Retries: a transient fault is retried (bounded, exponential) and the job succeeds on a later try;
/// a job that keeps throwing goes to <c>prism-jobs_error</c> and is recorded failed with the stable
/// <c>processing_failed</c> code, so it never stays running.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class When_a_job_throws(FaultRig rig)
{
    [Fact]
    public async Task A_transient_fault_is_retried_and_a_persistent_one_ends_failed_with_the_message_in_the_error_queue()
    {
        rig.Require();
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 0);
        await using var processor = new FlakyProcessorFactory(pipeline.VirtualHost);
        Assert.Contains(processor.Services.GetServices<IKindHandler>(), h => h.Kind == JobKinds.PixelsEntropy);
        using var ingest = pipeline.Ingest.CreateClient();

        var flaky = await SubmitAsync(ingest, FlakyProcessorFactory.FlakyWidth, firstPixel: 11);
        var broken = await SubmitAsync(ingest, FlakyProcessorFactory.BrokenWidth, firstPixel: 12);
        var healthy = await SubmitAsync(ingest, width: 4, firstPixel: 13);

        var flakyRow = await pipeline.Ledger.WaitJobAsync(flaky, JobStatus.IsTerminal, TimeSpan.FromSeconds(60));
        var brokenRow = await pipeline.Ledger.WaitJobAsync(broken, JobStatus.IsTerminal, TimeSpan.FromSeconds(60));
        var healthyRow = await pipeline.Ledger.WaitJobAsync(healthy, JobStatus.IsTerminal, TimeSpan.FromSeconds(60));
        var inErrorQueue = await rig.Broker.MessagesInAsync(pipeline.VirtualHost, QueueNames.Jobs + "_error");
        Measurements.Report($"fault retries: transient job {flakyRow?.Status} after {flakyRow?.Attempts} tries; persistent job {brokenRow?.Status} {brokenRow?.ErrorCode}, {inErrorQueue} in {QueueNames.Jobs}_error");

        Assert.Equal(JobStatus.Succeeded, flakyRow?.Status);
        Assert.Equal(3, flakyRow!.Attempts);
        Assert.Equal(JobStatus.Failed, brokenRow?.Status);
        Assert.Equal(ErrorCodes.ProcessingFailed, brokenRow!.ErrorCode);
        Assert.Equal(1, inErrorQueue);
        Assert.Equal(JobStatus.Succeeded, healthyRow?.Status);
        Assert.Equal(1, healthyRow!.Attempts);
    }

    private static async Task<Guid> SubmitAsync(HttpClient ingest, int width, int firstPixel)
    {
        var pixels = Enumerable.Range(0, width * width).Select(i => i == 0 ? firstPixel : i % 7).ToArray();
        using var response = await ingest.PostAsJsonAsync("/api/v1/pixels/entropy", new { width, height = width, pixels, window = 3, bins = 4 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JobReceipt>(PrismJson.Options, TestContext.Current.CancellationToken))!.JobId;
    }
}
