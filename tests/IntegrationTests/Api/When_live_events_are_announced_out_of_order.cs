using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.EndToEnd;
using Prism.Results.Events;
using Prism.Results.Storage;
using Prism.Results.Streaming;

namespace Prism.IntegrationTests.Api;

/// <summary>
/// Results announces each stored event after its commit, from concurrent consumers, so the fan-out can
/// deliver event 11 before event 10. An SSE client must still get both, once each, in id order: one that
/// got 11 first and then resumed after 11 would never see 10.
/// </summary>
public sealed class When_live_events_are_announced_out_of_order(ResultsFactory factory) : IClassFixture<ResultsFactory>
{
    private static JobRecordUpdate Submitted() => JobEventRecorder.From(new JobSubmitted
    {
        JobId = Guid.CreateVersion7(), Kind = JobKinds.PixelsSegment, Input = JsonSerializer.SerializeToElement(new { }), SubmittedAt = DateTimeOffset.UtcNow,
    });

    [Fact]
    public async Task The_stream_sends_every_event_once_in_id_order()
    {
        var store = factory.Services.GetRequiredService<IResultStore>();
        var broadcaster = factory.Services.GetRequiredService<EventBroadcaster>();
        using var client = factory.CreateClient();
        var received = new List<JobEvent>();
        using var hangUp = new CancellationTokenSource();
        var opened = new TaskCompletionSource();
        var reading = LifecycleScenarios.ReadSseAsync(client, $"/api/v1/events?kind={JobKinds.PixelsSegment}", null, received, hangUp.Token, opened);
        await opened.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var earlier = Assert.Single(await store.ApplyAsync(Submitted(), TestContext.Current.CancellationToken));
        var later = Assert.Single(await store.ApplyAsync(Submitted(), TestContext.Current.CancellationToken));
        Assert.True(later.Id > earlier.Id);
        broadcaster.Publish(later);
        Assert.True(await Eventually.True(() => { lock (received) return received.Any(e => e.Id == later.Id); }), "The later event never arrived.");
        broadcaster.Publish(earlier); // its announcement comes last

        Assert.True(await Eventually.True(() => { lock (received) return received.Any(e => e.Id == earlier.Id); }, seconds: 10), "The event announced out of order was dropped.");
        await hangUp.CancelAsync();
        await reading;
        Assert.Equal([earlier.Id, later.Id], received.Select(e => e.Id));
    }
}
