using System.Text.Json;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Kinds.Pixels;
using Prism.Contracts.Kinds.Pwsa;

namespace Prism.ClientTests.Sdk;

/// <summary>Typed submit, wait and read against a real Standalone process, with hand-computed answers.</summary>
public sealed class When_jobs_are_submitted_with_the_client(StandaloneFixture standalone)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_typed_entropy_input_runs_as_pixels_entropy_and_reads_back_typed()
    {
        using var handle = standalone.CreateClient();
        var client = handle.Client;
        var ct = TestContext.Current.CancellationToken;

        // Bins of [0, 0, 9] with 2 bins: 0, 0, 1. Windows of 3 clipped to the frame: {0,0} → 0 bits,
        // {0,0,1} → H(2/3, 1/3) = 0.918296 bits, {0,1} → 1 bit.
        var receipt = await client.SubmitAsync(new PixelsEntropyInput { Width = 3, Height = 1, Pixels = [0, 0, 9], Window = 3, Bins = 2 }, cancellationToken: ct);

        Assert.Equal(JobKinds.PixelsEntropy, receipt.Kind);
        Assert.Equal(JobStatus.Queued, receipt.Status);
        Assert.Equal($"/api/v1/results/{receipt.JobId}", receipt.Links.Self);

        var result = await client.WaitAsync<PixelsEntropyOutput>(receipt.JobId, Timeout, ct);
        Assert.Equal(JobStatus.Succeeded, result.Job.Status);
        Assert.True(result.Succeeded);
        var h = -(2.0 / 3 * Math.Log2(2.0 / 3) + 1.0 / 3 * Math.Log2(1.0 / 3));
        Assert.Equal([0f, (float)h, 1f], result.Output!.EntropyMap, (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal(h, result.Output.GlobalEntropy, 1e-9);
        Assert.Equal((h + 1) / 3, result.Output.MeanEntropy, 1e-6);
        Assert.NotNull(result.Job.Accelerator);
        Assert.Equal("cpu", result.Job.Accelerator!.Engine);
        Assert.NotNull(result.Job.Timings.TotalMs);

        var again = await client.GetResultAsync<PixelsEntropyOutput>(receipt.JobId, ct);
        Assert.Equal(result.Output.EntropyMap, again.Output!.EntropyMap);
        Assert.Equal(receipt.JobId, again.Job.JobId);
    }

    [Fact]
    public async Task A_segment_input_yields_its_objects_in_the_documented_order()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        ushort[] pixels =
        [
            9, 9, 0, 0,
            0, 0, 0, 7,
            0, 0, 0, 7,
        ];

        var receipt = await handle.Client.SubmitAsync(new PixelsSegmentInput { Width = 4, Height = 3, Pixels = pixels, Threshold = 5 }, cancellationToken: ct);
        var result = await handle.Client.WaitAsync<PixelsSegmentOutput>(receipt.JobId, Timeout, ct);

        Assert.Equal(JobKinds.PixelsSegment, receipt.Kind);
        var output = result.Output!;
        Assert.Equal(2, output.ObjectCount);
        Assert.False(output.Truncated);
        // Equal areas: the object whose first pixel comes first in row-major order is id 1.
        Assert.Equal(1, output.Objects[0].Id);
        Assert.Equal(2, output.Objects[0].Area);
        Assert.Equal([0.5, 0.0], output.Objects[0].Centroid);
        Assert.Equal([0, 0, 2, 1], output.Objects[0].BoundingBox);
        Assert.Equal(9, output.Objects[0].MaxIntensity);
        Assert.Equal(2, output.Objects[1].Id);
        Assert.Equal([3.0, 1.5], output.Objects[1].Centroid);
        Assert.Equal([3, 1, 1, 2], output.Objects[1].BoundingBox);
        Assert.Equal(7.0, output.Objects[1].MeanIntensity);
    }

    [Fact]
    public async Task The_pwsa_sample_runs_as_pwsa_detect_and_echoes_its_vehicle()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var input = JsonSerializer.Deserialize<PwsaDetectInput>(await File.ReadAllTextAsync(Repository.Sample(JobKinds.PwsaDetect), ct), PrismClient.JsonOptions)!;

        var receipt = await handle.Client.SubmitAsync(input, new SubmitOptions { Priority = 7, DeadlineSeconds = 120 }, ct);
        var result = await handle.Client.WaitAsync<PwsaDetectOutput>(receipt.JobId, Timeout, ct);

        Assert.Equal(JobKinds.PwsaDetect, receipt.Kind);
        Assert.Equal(JobStatus.Succeeded, result.Job.Status);
        Assert.Equal(input.SvId, result.Output!.SvId);
        Assert.Equal(input.Timestamp, result.Output.Timestamp);
        Assert.True(result.Output.DetectionCount > 0, "the sample frame holds objects above its threshold");
        Assert.Equal(result.Output.DetectionCount, result.Output.Detections.Length);
    }

    [Fact]
    public async Task A_kind_by_name_with_a_json_input_runs_and_the_listing_finds_it()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        using var input = JsonDocument.Parse("""{"width":2,"height":2,"pixels":[0,1,2,3],"window":3,"bins":4}""");

        var receipt = await handle.Client.SubmitAsync(JobKinds.PixelsEntropy, input.RootElement, cancellationToken: ct);
        var job = await handle.Client.WaitAsync(receipt.JobId, Timeout, ct);

        // Four values, four bins, every window sees the whole frame: 2 bits everywhere.
        Assert.Equal(JobStatus.Succeeded, job.Status);
        var output = job.Result!.Value.Deserialize<PixelsEntropyOutput>(PrismClient.JsonOptions)!;
        Assert.All(output.EntropyMap, e => Assert.Equal(2f, e, 1e-6f));

        var found = await FindAsync(handle.Client, receipt.JobId, ct);
        Assert.Equal(JobStatus.Succeeded, found.Status);
        Assert.Equal(JobKinds.PixelsEntropy, found.Kind);
    }

    [Fact]
    public void Jobs_built_with_JobRequests_carry_kind_priority_and_deadline()
    {
        var request = JobRequests.Create(new PixelsEntropyInput { Width = 1, Height = 1, Pixels = [5] }, new SubmitOptions { Priority = 3, DeadlineSeconds = 30 });

        Assert.Equal(JobKinds.PixelsEntropy, request.Kind);
        Assert.Equal(3, request.Priority);
        Assert.Equal(30, request.DeadlineSeconds);
        Assert.Equal(7, request.Input.GetProperty("window").GetInt32());
        Assert.Equal(5, request.Input.GetProperty("pixels")[0].GetInt32());
    }

    private static async Task<JobResultView> FindAsync(PrismClient client, Guid jobId, CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await client.ListResultsAsync(kind: JobKinds.PixelsEntropy, limit: 100, cursor: cursor, cancellationToken: ct);
            if (page.Items.FirstOrDefault(j => j.JobId == jobId) is { } job) return job;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        throw new Xunit.Sdk.XunitException($"Job {jobId} is not in the listing.");
    }
}
