using System.Net;
using System.Text.Json;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.ClientTests.Sdk;

/// <summary><c>POST /api/v1/jobs/batch</c> (all or nothing) and <c>Idempotency-Key</c> through the client.</summary>
public sealed class When_submitting_batches_and_retries(StandaloneFixture standalone)
{
    [Fact]
    public async Task A_batch_of_mixed_kinds_gets_one_receipt_per_job_in_order_and_every_job_runs()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        using var forecast = JsonDocument.Parse("""{"series":[[1,2,1.5,2.5,1.8,2.2,1.9,2.1]],"order":1,"horizon":2}""");
        SubmitJobRequest[] requests =
        [
            JobRequests.Create(Jobs.Tiny(1)),
            JobRequests.Create(new PixelsSegmentInput { Width = 2, Height = 1, Pixels = [9, 0], Threshold = 5 }),
            JobRequests.Create(JobKinds.TimeseriesForecast, forecast.RootElement, new SubmitOptions { Priority = 9 }),
            JobRequests.Create(Jobs.Tiny(2)),
        ];

        var receipts = await handle.Client.SubmitBatchAsync(requests, ct);

        Assert.Equal([JobKinds.PixelsEntropy, JobKinds.PixelsSegment, JobKinds.TimeseriesForecast, JobKinds.PixelsEntropy], receipts.Select(r => r.Kind));
        Assert.Equal(4, receipts.Select(r => r.JobId).Distinct().Count());
        foreach (var receipt in receipts)
        {
            var job = await handle.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);
            Assert.Equal(JobStatus.Succeeded, job.Status);
            Assert.Equal(receipt.Kind, job.Kind);
        }
        var segment = await handle.Client.GetResultAsync<PixelsSegmentOutput>(receipts[1].JobId, ct);
        Assert.Equal(1, segment.Output!.ObjectCount);
    }

    [Fact]
    public async Task One_invalid_item_rejects_the_batch_with_errors_keyed_by_its_index()
    {
        using var handle = standalone.CreateClient();
        SubmitJobRequest[] requests =
        [
            JobRequests.Create(Jobs.Tiny()),
            JobRequests.Create(Jobs.Tiny()),
            JobRequests.Create(new PixelsEntropyInput { Width = 0, Height = 1, Pixels = [1] }),
        ];

        var ex = await Assert.ThrowsAsync<PrismValidationException>(() => handle.Client.SubmitBatchAsync(requests, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
        Assert.Contains("[2].input.width", ex.Errors.Keys);
        Assert.DoesNotContain(ex.Errors.Keys, k => k.StartsWith("[0]", StringComparison.Ordinal) || k.StartsWith("[1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_returns_the_first_job_and_a_different_body_is_409_naming_it()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var key = $"client-test-{Guid.NewGuid()}";

        var first = await handle.Client.SubmitAsync(Jobs.Tiny(3), new SubmitOptions { IdempotencyKey = key }, ct);
        var again = await handle.Client.SubmitAsync(Jobs.Tiny(3), new SubmitOptions { IdempotencyKey = key }, ct);
        var other = await Assert.ThrowsAsync<PrismApiException>(() => handle.Client.SubmitAsync(Jobs.Tiny(4), new SubmitOptions { IdempotencyKey = key }, ct));

        Assert.Equal(first.JobId, again.JobId);
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal(first.JobId, other.Extensions["jobId"].GetGuid());
    }

    [Fact]
    public async Task A_partly_confirmed_batch_is_unavailable_with_the_accepted_receipts()
    {
        var accepted = JobReceipt.Queued(Guid.NewGuid(), JobKinds.PixelsEntropy);
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "https://prism.dev/problems/unavailable", ["title"] = "The job queue is unavailable.", ["status"] = 503, ["accepted"] = new[] { accepted },
        }, PrismClient.JsonOptions);
        using var handler = new CannedHandler(HttpStatusCode.ServiceUnavailable, body);
        using var http = new HttpClient(handler);
        var client = new PrismClient(http, new PrismClientOptions { BaseUrl = new Uri("http://prism.test") });

        var ex = await Assert.ThrowsAsync<PrismUnavailableException>(() => client.SubmitBatchAsync([JobRequests.Create(Jobs.Tiny()), JobRequests.Create(Jobs.Tiny())]));

        Assert.Equal(accepted, Assert.Single(ex.Accepted));
        Assert.Equal(new Uri("http://prism.test/api/v1/jobs/batch"), handler.Requests.Single().RequestUri);
    }
}
