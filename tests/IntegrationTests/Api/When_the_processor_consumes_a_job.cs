using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.IntegrationTests.Api;

public sealed class When_the_processor_consumes_a_job(ProcessorFactory factory) : IClassFixture<ProcessorFactory>
{
    private ITestHarness Harness => factory.Services.GetRequiredService<ITestHarness>();

    private static JobSubmitted Job(object input, DateTimeOffset? deadline = null, string kind = JobKinds.PixelsEntropy) => new()
    {
        JobId = Guid.NewGuid(),
        Kind = kind,
        Input = JsonSerializer.SerializeToElement(input),
        SubmittedAt = DateTimeOffset.UtcNow,
        Deadline = deadline,
    };

    private Task<JobStarted> StartedFor(Guid jobId) => PublishedFor<JobStarted>(m => m.JobId == jobId);
    private Task<JobCompleted> CompletedFor(Guid jobId) => PublishedFor<JobCompleted>(m => m.JobId == jobId);
    private Task<JobFailed> FailedFor(Guid jobId) => PublishedFor<JobFailed>(m => m.JobId == jobId);

    private async Task<T> PublishedFor<T>(Func<T, bool> match) where T : class
    {
        Assert.True(await Eventually.True(() => Harness.Published.Select<T>().Any(m => match(m.Context.Message))), $"No matching {typeof(T).Name} was published.");
        return Harness.Published.Select<T>().Select(m => m.Context.Message).First(match);
    }

    [Fact]
    public async Task It_publishes_started_then_completed_with_the_computed_result()
    {
        var job = Job(new { width = 2, height = 2, pixels = new[] { 0, 1, 2, 3 }, window = 3, bins = 4 });
        await Harness.Bus.Publish(job, TestContext.Current.CancellationToken);

        var started = await StartedFor(job.JobId);
        var completed = await CompletedFor(job.JobId);

        Assert.Equal("cpu", started.Engine);
        Assert.Equal(job.SubmittedAt, completed.SubmittedAt);
        Assert.True(completed.ComputeMs >= 0);
        var output = completed.Result.Deserialize<PixelsEntropyOutput>(PrismJson.Options)!;
        Assert.All(output.EntropyMap, h => Assert.Equal(2f, h));
        Assert.Equal(2.0, output.GlobalEntropy, 12);
        Assert.Empty(Harness.Published.Select<Fault<JobSubmitted>>());
    }

    [Fact]
    public async Task Invalid_input_ends_in_JobFailed_with_a_stable_code_and_no_retry()
    {
        var job = Job(new { width = 2, height = 2, pixels = new[] { 0, 1, 2 } });
        await Harness.Bus.Publish(job, TestContext.Current.CancellationToken);

        var failed = await FailedFor(job.JobId);
        Assert.Equal(ErrorCodes.InvalidInput, failed.ErrorCode);
        Assert.Contains("input.pixels", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.Published.Select<JobStarted>(), m => m.Context.Message.JobId == job.JobId);
        Assert.Equal(1, Harness.Consumed.Select<JobSubmitted>().Count(m => m.Context.Message.JobId == job.JobId));
    }

    [Fact]
    public async Task A_job_past_its_deadline_fails_without_running()
    {
        var job = Job(new { width = 1, height = 1, pixels = new[] { 5 } }, deadline: DateTimeOffset.UtcNow.AddSeconds(-1));
        await Harness.Bus.Publish(job, TestContext.Current.CancellationToken);

        var failed = await FailedFor(job.JobId);
        Assert.Equal(ErrorCodes.DeadlineExceeded, failed.ErrorCode);
        Assert.DoesNotContain(Harness.Published.Select<JobStarted>(), m => m.Context.Message.JobId == job.JobId);
    }

    [Fact]
    public async Task An_unknown_kind_fails_with_unknown_kind()
    {
        var job = Job(new { }, kind: "pixels.blur");
        await Harness.Bus.Publish(job, TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCodes.UnknownKind, (await FailedFor(job.JobId)).ErrorCode);
    }
}
