using System.Net;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;

namespace Prism.ClientTests.Sdk;

/// <summary>
/// Cancel through the client: 409 for a finished job, 404 for none. (Cancelling queued and running jobs is proven
/// deterministically at the processor in IntegrationTests, which holds the compute slot instead of racing slow jobs.)
/// </summary>
[Collection(QueueSensitive.Name)]
public sealed class When_cancelling_jobs(StandaloneFixture standalone)
{
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
