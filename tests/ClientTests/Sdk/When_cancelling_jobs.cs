using System.Net;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;

namespace Prism.ClientTests.Sdk;

/// <summary>Cancel through the client: 202 and a cancelled end for a job not yet finished, 409 for a finished one, 404 for none.</summary>
[Collection(QueueSensitive.Name)]
public sealed class When_cancelling_jobs(StandaloneFixture standalone)
{
    [Fact]
    public async Task A_job_not_yet_finished_is_cancelled_and_ends_cancelled()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var (jobId, cancel, job) = await Jobs.CancelWhileUnfinishedAsync<Prism.Contracts.Api.CancelReceipt?>(handle.Client, seed: 10, async id =>
        {
            try
            {
                return await handle.Client.CancelAsync(id, ct);
            }
            catch (PrismApiException ex) when (ex.Status == HttpStatusCode.Conflict)
            {
                return null; // it finished first: CancelWhileUnfinishedAsync tries again
            }
        }, receipt => receipt is not null, ct);

        Assert.NotNull(cancel);
        Assert.Equal(jobId, cancel.JobId);
        Assert.Equal("cancelling", cancel.Status);
        Assert.Equal($"/api/v1/results/{jobId}", cancel.Links.Self);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Null(job.Result);
        Assert.Equal(ErrorCodes.Cancelled, job.Error?.Code);
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
