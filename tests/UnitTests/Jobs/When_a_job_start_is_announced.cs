using Microsoft.Extensions.Time.Testing;
using Prism.Processor.Jobs;

namespace Prism.UnitTests.Jobs;

/// <summary>The held-back <c>JobStarted</c> announcement, on a fake clock.</summary>
public sealed class When_a_job_start_is_announced
{
    private readonly FakeTimeProvider _clock = new();
    private int _announcements;

    private Task Announce(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _announcements);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(99, 0)]   // ended before the delay: never announced
    [InlineData(100, 1)]  // still running after it: announced once
    public async Task A_job_is_announced_only_if_it_still_computes_after_the_delay(int endedAfterMs, int announcements)
    {
        var notice = await StartNotice.ScheduleAsync(Announce, TimeSpan.FromMilliseconds(100), _clock, CancellationToken.None);
        Assert.Equal(0, _announcements);
        _clock.Advance(TimeSpan.FromMilliseconds(endedAfterMs));
        await notice.DisposeAsync();
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(announcements, _announcements);
    }

    [Fact]
    public async Task No_delay_announces_before_the_job_computes()
    {
        await using var notice = await StartNotice.ScheduleAsync(Announce, TimeSpan.Zero, _clock, CancellationToken.None);

        Assert.Equal(1, _announcements);
    }

    [Fact]
    public async Task Ending_the_job_waits_for_an_announcement_under_way_and_surfaces_its_failure()
    {
        var publishing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var notice = await StartNotice.ScheduleAsync(_ => publishing.Task, TimeSpan.FromMilliseconds(100), _clock, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        var ending = notice.DisposeAsync().AsTask();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(ending.IsCompleted); // the delivery is not acknowledged while its JobStarted is still being published

        publishing.SetException(new InvalidOperationException("broker unreachable"));
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => ending);
        Assert.Equal("broker unreachable", thrown.Message); // reaches the bus, which retries the job
    }
}
