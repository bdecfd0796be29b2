using System.Net;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;

namespace Prism.ClientTests.Sdk;

/// <summary>Cancel through the client: 202 and a cancelled end for a queued job, 409 for a finished one, 404 for none.</summary>
[Collection(QueueSensitive.Name)]
public sealed class When_cancelling_jobs(StandaloneFixture standalone)
{
    [Fact]
    public async Task A_queued_job_is_cancelled_and_ends_cancelled_without_running()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var blockers = await Jobs.OccupyAsync(handle.Client, seed: 10, ct);
        var receipt = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        var recorded = await Jobs.RecordedAsync(handle.Client, receipt.JobId, ct);
        Assert.Equal(JobStatus.Queued, recorded.Status);

        var cancel = await handle.Client.CancelAsync(receipt.JobId, ct);
        await Jobs.CancelQuietlyAsync(handle.Client, blockers);

        Assert.Equal(receipt.JobId, cancel.JobId);
        Assert.Equal($"/api/v1/results/{receipt.JobId}", cancel.Links.Self);
        var job = await handle.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Null(job.Result);
        Assert.Null(job.StartedAt);
        Assert.Equal("cancelled", job.Error?.Code);
    }

    [Fact]
    public async Task A_finished_job_is_409_and_an_unknown_one_404()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var receipt = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        await handle.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);

        var finished = await Assert.ThrowsAsync<PrismApiException>(() => handle.Client.CancelAsync(receipt.JobId, ct));
        var unknown = await Assert.ThrowsAsync<PrismApiException>(() => handle.Client.CancelAsync(Guid.NewGuid(), ct));

        Assert.Equal(HttpStatusCode.Conflict, finished.Status);
        Assert.Equal("https://prism.dev/problems/conflict", finished.Type);
        Assert.Contains("succeeded", finished.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }
}
