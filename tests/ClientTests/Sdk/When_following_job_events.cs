using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.ClientTests.Sdk;

/// <summary>The SSE stream through the client: one job's history, and a stream that survives a cut connection.</summary>
public sealed class When_following_job_events(StandaloneFixture standalone)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_finished_jobs_stream_replays_its_events_in_order_ending_completed()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var receipt = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        Assert.Equal(JobStatus.Succeeded, (await handle.Client.WaitAsync(receipt.JobId, Timeout, ct)).Status);

        var events = await ReadUntilTerminalAsync(handle.Client, new EventFilter { JobId = receipt.JobId }, ct);

        Jobs.AssertLifecycle(events, JobEventTypes.Completed);
        Assert.Equal(receipt.JobId, events[0].JobId);
        Assert.Equal(JobStatus.Succeeded, events[^1].Status);
        Assert.All(events, e => Assert.Equal(JobKinds.PixelsEntropy, e.Kind));
        Assert.All(events, e => Assert.Equal(JobStatus.Rank(e.Status), JobStatus.Rank(e.Type switch
        {
            JobEventTypes.Submitted => JobStatus.Queued,
            JobEventTypes.Started => JobStatus.Running,
            _ => JobStatus.Succeeded,
        })));
    }

    [Fact]
    public async Task A_cut_connection_is_resumed_with_Last_Event_ID_and_no_event_is_lost_or_repeated()
    {
        var ct = TestContext.Current.CancellationToken;
        using var direct = standalone.CreateClient();

        // A finished job's last event id is a point on the global stream to start after: nothing after it is missed.
        var first = await direct.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        await direct.Client.WaitAsync(first.JobId, Timeout, ct);
        var start = (await ReadUntilTerminalAsync(direct.Client, new EventFilter { JobId = first.JobId }, ct))[^1].Id;

        await using var proxy = new TcpProxy(standalone.Url);
        using var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);
        var client = new PrismClient(http, new PrismClientOptions { BaseUrl = standalone.Url, ResultsUrl = proxy.Url, ReconnectDelay = TimeSpan.FromMilliseconds(200) });

        var ours = new HashSet<Guid>();
        var seen = new List<JobEvent>();
        var completed = new HashSet<Guid>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(90));
        var reading = Task.Run(async () =>
        {
            await foreach (var e in client.SubscribeAsync(new EventFilter { Kind = JobKinds.PixelsEntropy, LastEventId = start }, stop.Token))
            {
                lock (seen)
                {
                    seen.Add(e);
                    if (e.Type == JobEventTypes.Completed) completed.Add(e.JobId);
                    Monitor.PulseAll(seen);
                }
            }
        }, ct);

        var before = await SubmitTinyAsync(direct.Client, 10, ct);
        lock (seen) ours.UnionWith(before);
        await UntilAsync(() => { lock (seen) return before.All(completed.Contains); }, stop.Token);
        long lastBeforeCut;
        lock (seen) lastBeforeCut = seen[^1].Id;

        Assert.True(proxy.DropAll() >= 1, "the event stream's connection was open");
        var after = await SubmitTinyAsync(direct.Client, 10, ct);
        lock (seen) ours.UnionWith(after);
        await UntilAsync(() => { lock (seen) return after.All(completed.Contains); }, stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);

        JobEvent[] all;
        lock (seen) all = [.. seen];
        Assert.Equal(all.Length, all.Select(e => e.Id).Distinct().Count());
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Id < p.Second.Id), "ids only increase");
        foreach (var job in ours)
        {
            var streamed = all.Where(e => e.JobId == job).Select(e => $"{e.Id}:{e.Type}").ToArray();
            var replayed = (await ReadUntilTerminalAsync(direct.Client, new EventFilter { JobId = job }, ct)).Select(e => $"{e.Id}:{e.Type}").ToArray();
            Assert.True(replayed.SequenceEqual(streamed), $"streamed {string.Join(",", streamed)} replayed {string.Join(",", replayed)}");
            Jobs.AssertLifecycle([.. all.Where(e => e.JobId == job)], JobEventTypes.Completed);
        }
        Assert.True(proxy.Accepted >= 2, "the client reconnected");
        var opens = recorder.Requests.Where(r => r.Uri.AbsolutePath == "/api/v1/events").ToArray();
        Assert.Equal(start.ToString(System.Globalization.CultureInfo.InvariantCulture), opens[0].LastEventId);
        Assert.True(long.Parse(opens[1].LastEventId!, System.Globalization.CultureInfo.InvariantCulture) >= lastBeforeCut);
        Assert.Contains("kind=pixels.entropy", opens[1].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kind_filter_is_refused_with_a_validation_problem()
    {
        using var handle = standalone.CreateClient();

        var ex = await Assert.ThrowsAsync<PrismValidationException>(async () =>
        {
            await foreach (var _ in handle.Client.SubscribeAsync(new EventFilter { Kind = "pixels.nothing" }, TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal(["kind"], ex.Errors.Keys);
    }

    private static async Task<List<JobEvent>> ReadUntilTerminalAsync(PrismClient client, EventFilter filter, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var events = new List<JobEvent>();
        await foreach (var e in client.SubscribeAsync(filter, timeout.Token))
        {
            events.Add(e);
            if (JobStatus.IsTerminal(e.Status)) break;
        }
        return events;
    }

    private static async Task<Guid[]> SubmitTinyAsync(PrismClient client, int count, CancellationToken ct)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++) ids[i] = (await client.SubmitAsync(Jobs.Tiny((ushort)i), cancellationToken: ct)).JobId;
        return ids;
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken ct)
    {
        while (!condition()) await Task.Delay(50, ct);
    }
}
