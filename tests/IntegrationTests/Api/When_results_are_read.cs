using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.IntegrationTests.Api;

public sealed class When_results_are_read(ResultsFactory factory) : IClassFixture<ResultsFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private ITestHarness Harness => factory.Services.GetRequiredService<ITestHarness>();

    private async Task CompleteAsync(Guid jobId, DateTimeOffset submitted)
    {
        await Harness.Bus.Publish(new JobSubmitted { JobId = jobId, Kind = JobKinds.PixelsEntropy, Input = JsonSerializer.SerializeToElement(new { }), SubmittedAt = submitted });
        await Harness.Bus.Publish(new JobCompleted
        {
            JobId = jobId, Kind = JobKinds.PixelsEntropy, SubmittedAt = submitted, StartedAt = submitted.AddMilliseconds(5),
            CompletedAt = submitted.AddMilliseconds(20), Result = JsonSerializer.SerializeToElement(new { globalEntropy = 1.5 }),
            ProcessorId = "p1", Engine = "cpu", DeviceName = "test", ComputeMs = 10,
        });
    }

    [Fact]
    public async Task A_recorded_job_is_served_with_its_result_and_timings()
    {
        var id = Guid.NewGuid();
        var submitted = DateTimeOffset.UtcNow;
        await CompleteAsync(id, submitted);
        Assert.True(await Eventually.True(() => Harness.Consumed.Select<JobCompleted>().Any(m => m.Context.Message.JobId == id)));

        var job = await _client.GetFromJsonAsync<JobResultView>($"/api/v1/results/{id}?waitSeconds=5", TestContext.Current.CancellationToken);

        Assert.Equal(JobStatus.Succeeded, job!.Status);
        Assert.Equal(1.5, job.Result!.Value.GetProperty("globalEntropy").GetDouble());
        Assert.Equal(20, job.Timings.TotalMs);
        Assert.Equal(5, job.Timings.QueueMs);
        Assert.Equal("cpu", job.Accelerator!.Engine);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_the_job_finishes()
    {
        var id = Guid.NewGuid();
        var stopwatch = Stopwatch.StartNew();
        var poll = _client.GetFromJsonAsync<JobResultView>($"/api/v1/results/{id}?waitSeconds=30", TestContext.Current.CancellationToken);

        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(poll.IsCompleted);
        await CompleteAsync(id, DateTimeOffset.UtcNow);

        var job = await poll;
        Assert.Equal(JobStatus.Succeeded, job!.Status);
        Assert.InRange(stopwatch.Elapsed.TotalSeconds, 0.5, 10);
    }

    [Fact]
    public async Task An_unknown_job_is_404_problem_without_a_wait()
    {
        var response = await _client.GetAsync($"/api/v1/results/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_listing_pages_newest_first()
    {
        var start = DateTimeOffset.UtcNow.AddDays(1); // newer than anything another test recorded
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < ids.Length; i++) await CompleteAsync(ids[i], start.AddSeconds(i));
        foreach (var id in ids) Assert.True(await Eventually.True(() => Harness.Consumed.Select<JobCompleted>().Any(m => m.Context.Message.JobId == id)));

        var first = await _client.GetFromJsonAsync<JobPage>("/api/v1/results?limit=3&status=succeeded&kind=pixels.entropy", TestContext.Current.CancellationToken);
        var second = await _client.GetFromJsonAsync<JobPage>($"/api/v1/results?limit=2&status=succeeded&kind=pixels.entropy&cursor={first!.NextCursor}", TestContext.Current.CancellationToken);

        Assert.Equal(ids.Reverse(), first.Items.Concat(second!.Items).Select(j => j.JobId));
    }

    [Theory]
    [InlineData("/api/v1/results/00000000-0000-0000-0000-000000000001?waitSeconds=61", "waitSeconds")]
    [InlineData("/api/v1/results/00000000-0000-0000-0000-000000000001?waitSeconds=-1", "waitSeconds")]
    [InlineData("/api/v1/results?limit=0", "limit")]
    [InlineData("/api/v1/results?limit=501", "limit")]
    [InlineData("/api/v1/results?status=done", "status")]
    [InlineData("/api/v1/results?kind=pixels.blur", "kind")]
    [InlineData("/api/v1/results?cursor=not-a-cursor", "cursor")]
    public async Task Bad_queries_get_a_problem_naming_the_parameter(string url, string field)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Cancelling_a_job_submitted_moments_ago_waits_for_it_to_be_recorded_and_cancels_it()
    {
        var submitted = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(submitted);
        var cancel = _client.DeleteAsync($"/api/v1/jobs/{id}", TestContext.Current.CancellationToken);

        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(cancel.IsCompleted); // not a 404: the id is one Ingest could have minted just now
        await Harness.Bus.Publish(new JobSubmitted { JobId = id, Kind = JobKinds.PixelsEntropy, Input = JsonSerializer.SerializeToElement(new { }), SubmittedAt = submitted }, TestContext.Current.CancellationToken);

        using var response = await cancel;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await _client.GetFromJsonAsync<JobResultView>($"/api/v1/results/{id}?waitSeconds=10", TestContext.Current.CancellationToken);
        Assert.Equal(JobStatus.Cancelled, job!.Status);
        Assert.Null(job.StartedAt);
    }

    [Fact]
    public async Task Cancelling_an_id_that_is_not_recent_is_a_404_at_once()
    {
        var stopwatch = Stopwatch.StartNew();
        using var random = await _client.DeleteAsync($"/api/v1/jobs/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        using var old = await _client.DeleteAsync($"/api/v1/jobs/{Guid.CreateVersion7(DateTimeOffset.UtcNow.AddMinutes(-5))}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, random.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.InRange(stopwatch.Elapsed.TotalSeconds, 0, 5); // neither waited the 10 s a recent id gets
    }
}
