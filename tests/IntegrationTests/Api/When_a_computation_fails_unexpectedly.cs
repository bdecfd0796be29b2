using System.Runtime.CompilerServices;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prism.Compute;
using Prism.Compute.Kinds.Pixels;
using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.IntegrationTests.Api;

/// <summary>
/// A computation that throws a bug's exception, or produces a number JSON cannot carry (±Infinity,
/// NaN), fails the same way on every try: the job ends <c>computation_failed</c> with a plain message —
/// no .NET exception type or text — on its first try, with no retry and no fault.
/// </summary>
public sealed class When_a_computation_fails_unexpectedly(ProcessorFactory factory) : IClassFixture<ProcessorFactory>
{
    private const int ThrowingWidth = 3;
    private const int InfiniteWidth = 4;

    private static readonly CancellationToken SoFar = new(canceled: true);

    [Theory]
    [InlineData(ThrowingWidth)]
    [InlineData(InfiniteWidth)]
    public async Task The_job_ends_with_the_stable_code_and_a_plain_message_after_one_try(int width)
    {
        var calls = new StrongBox<int>();
        await using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<IKindHandler>();
            services.AddSingleton<PixelsEntropyHandler>();
            services.AddSingleton<IKindHandler>(sp => new BrokenEntropyHandler(sp.GetRequiredService<PixelsEntropyHandler>(), calls));
        }));
        var harness = broken.Services.GetRequiredService<ITestHarness>();
        var job = new JobSubmitted
        {
            JobId = Guid.NewGuid(), Kind = JobKinds.PixelsEntropy, SubmittedAt = DateTimeOffset.UtcNow,
            Input = JsonSerializer.SerializeToElement(new { width, height = width, pixels = Enumerable.Range(0, width * width).ToArray(), window = 3, bins = 4 }),
        };
        await harness.Bus.Publish(job, TestContext.Current.CancellationToken);

        Assert.True(await Eventually.True(() => harness.Published.Select<JobFailed>(SoFar).Any(m => m.Context.Message.JobId == job.JobId)
            || harness.Published.Select<Fault<JobSubmitted>>(SoFar).Any(m => m.Context.Message.Message.JobId == job.JobId), 60), "The job never ended.");
        // Time for any retry to show up.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var failed = harness.Published.Select<JobFailed>(SoFar).Select(m => m.Context.Message).FirstOrDefault(m => m.JobId == job.JobId);
        var faults = harness.Published.Select<Fault<JobSubmitted>>(SoFar).Count(m => m.Context.Message.Message.JobId == job.JobId);
        Measurements.Report($"computation failure (width {width}): {calls.Value} tries, {faults} faults, code {failed?.ErrorCode}, message \"{failed?.ErrorMessage}\"");

        Assert.NotNull(failed);
        Assert.Equal(ErrorCodes.ComputationFailed, failed.ErrorCode);
        Assert.Equal(1, failed.Attempt);
        Assert.Equal(1, calls.Value);
        Assert.Equal(0, faults);
        foreach (var leak in new[] { "System.", "Exception", "   at ", ".NET", "JsonNumberHandling" })
        {
            Assert.DoesNotContain(leak, failed.ErrorMessage, StringComparison.Ordinal);
        }
    }

    /// <summary>Throws a bug's exception for one width, and returns an infinite entropy for another.</summary>
    private sealed class BrokenEntropyHandler(PixelsEntropyHandler real, StrongBox<int> calls) : IKindHandler
    {
        public string Kind => real.Kind;

        public async Task<object> ExecuteAsync(object input, CancellationToken cancellationToken)
        {
            var frame = (PixelsEntropyInput)input;
            // One job per host, so its calls are the job's tries.
            Interlocked.Increment(ref calls.Value);
            var output = (PixelsEntropyOutput)await real.ExecuteAsync(input, cancellationToken);
            // A bug's own exception: an index past the end (IndexOutOfRangeException from the runtime).
            if (frame.Width == ThrowingWidth) return output.EntropyMap[output.EntropyMap.Length + frame.Width];
            return frame.Width == InfiniteWidth ? output with { GlobalEntropy = double.PositiveInfinity } : output;
        }
    }
}
