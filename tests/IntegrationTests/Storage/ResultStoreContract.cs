using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Results.Storage;

namespace Prism.IntegrationTests.Storage;

/// <summary>
/// What every result store must do, run against each real implementation (SQLite file, PostgreSQL
/// database): forward-only states, first outcome wins, one row per job, newest-first paging.
/// </summary>
public abstract class ResultStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IResultStore> CreateStoreAsync();

    private static JobRecordUpdate Queued(Guid id, DateTimeOffset submitted, string kind = JobKinds.PixelsEntropy) =>
        new() { JobId = id, Kind = kind, Status = JobStatus.Queued, SubmittedAt = submitted };

    private static JobRecordUpdate Running(Guid id, DateTimeOffset submitted, int attempt = 1) => Queued(id, submitted) with
    {
        Status = JobStatus.Running,
        StartedAt = submitted.AddMilliseconds(40),
        Attempts = attempt,
        ProcessorId = $"p{attempt}",
        Engine = "cpu",
        DeviceName = "test cpu",
    };

    private static JobRecordUpdate Succeeded(Guid id, DateTimeOffset submitted, string result = """{"answer":42}""") => Running(id, submitted) with
    {
        Status = JobStatus.Succeeded,
        CompletedAt = submitted.AddMilliseconds(100),
        ComputeMs = 12.5,
        ResultJson = result,
    };

    private static JobRecordUpdate Failed(Guid id, DateTimeOffset submitted) => Running(id, submitted) with
    {
        Status = JobStatus.Failed,
        CompletedAt = submitted.AddMilliseconds(90),
        ErrorCode = ErrorCodes.InvalidInput,
        ErrorMessage = "bad",
    };

    [Fact]
    public async Task It_hands_out_a_stored_result_as_its_UTF8_bytes_with_the_same_view()
    {
        var store = await CreateStoreAsync();
        var id = Guid.NewGuid();
        const string Result = """{"entropy":[0.5,1.25],"label":"é"}""";
        await store.ApplyAsync(Succeeded(id, T0, Result), CancellationToken.None);

        var stored = (await store.GetStoredAsync(id, CancellationToken.None))!;
        var parsed = (await store.GetAsync(id, CancellationToken.None))!;

        Assert.Equal(Result, System.Text.Encoding.UTF8.GetString(stored.Result!));
        Assert.Null(stored.View.Result);
        Assert.Equal(parsed with { Result = null }, stored.View);
        Assert.Null(await store.GetStoredAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task It_records_a_job_through_its_lifecycle()
    {
        var store = await CreateStoreAsync();
        var id = Guid.NewGuid();

        await store.ApplyAsync(Queued(id, T0), CancellationToken.None);
        Assert.Equal(JobStatus.Queued, (await store.GetAsync(id, CancellationToken.None))!.Status);

        await store.ApplyAsync(Running(id, T0), CancellationToken.None);
        var running = (await store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(JobStatus.Running, running.Status);
        Assert.Equal("cpu", running.Accelerator!.Engine);

        await store.ApplyAsync(Succeeded(id, T0), CancellationToken.None);
        var done = (await store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(T0, done.SubmittedAt);
        Assert.Equal(T0.AddMilliseconds(40), done.StartedAt);
        Assert.Equal(T0.AddMilliseconds(100), done.CompletedAt);
        Assert.Equal(40, done.Timings.QueueMs);
        Assert.Equal(100, done.Timings.TotalMs);
        Assert.Equal(12.5, done.Timings.ComputeMs);
        Assert.Equal(42, done.Result!.Value.GetProperty("answer").GetInt32());
        Assert.Null(done.Error);
        Assert.Equal(1, done.Attempts);
    }

    [Fact]
    public async Task It_counts_a_tenants_unfinished_jobs_and_tells_which_published_jobs_it_has_recorded()
    {
        var store = await CreateStoreAsync();
        var backlog = Assert.IsAssignableFrom<Prism.ServiceDefaults.Quotas.ITenantBacklog>(store);
        var tenant = "tenant-" + Guid.NewGuid().ToString("N");
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var unrecorded = Guid.NewGuid();
        await store.ApplyAsync(Queued(ids[0], T0) with { TenantId = tenant }, CancellationToken.None);
        await store.ApplyAsync(Running(ids[1], T0) with { TenantId = tenant }, CancellationToken.None);
        await store.ApplyAsync(Succeeded(ids[2], T0) with { TenantId = tenant }, CancellationToken.None);
        await store.ApplyAsync(Queued(ids[3], T0) with { TenantId = "another-" + tenant }, CancellationToken.None);

        var read = await backlog.ReadAsync(tenant, [ids[0], ids[2], unrecorded], CancellationToken.None);

        Assert.Equal(2, read.Unfinished);
        Assert.Equal(new[] { ids[0], ids[2] }.Order(), read.Recorded.Order());
        Assert.Equal(0, (await backlog.ReadAsync("nobody-" + tenant, [], CancellationToken.None)).Unfinished);
    }

    [Fact]
    public async Task It_never_moves_a_state_backwards()
    {
        var store = await CreateStoreAsync();
        var id = Guid.NewGuid();

        // Events arrive in reverse order, as after a redelivery.
        await store.ApplyAsync(Succeeded(id, T0), CancellationToken.None);
        await store.ApplyAsync(Running(id, T0, attempt: 2), CancellationToken.None);
        await store.ApplyAsync(Queued(id, T0), CancellationToken.None);

        var job = (await store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(42, job.Result!.Value.GetProperty("answer").GetInt32());
        Assert.Equal("p1", job.Accelerator!.ProcessorId);
        Assert.Equal(2, job.Attempts);
    }

    [Fact]
    public async Task Its_event_stream_shows_each_stage_once_in_order_whatever_order_events_arrive_in()
    {
        var store = await CreateStoreAsync();
        var early = Guid.NewGuid();
        var late = Guid.NewGuid();

        await store.ApplyAsync(Queued(early, T0), CancellationToken.None);
        var completionFirst = await store.ApplyAsync(Succeeded(late, T0), CancellationToken.None);
        var duplicates = (await store.ApplyAsync(Running(late, T0), CancellationToken.None)).Concat(await store.ApplyAsync(Queued(late, T0), CancellationToken.None));
        await store.ApplyAsync(Running(early, T0), CancellationToken.None);
        await store.ApplyAsync(Failed(early, T0), CancellationToken.None);

        Assert.Equal([JobEventTypes.Submitted, JobEventTypes.Started, JobEventTypes.Completed], completionFirst.Select(e => e.Type));
        Assert.Empty(duplicates);

        var all = await store.EventsAfterAsync(0, EventFilter.All, 100, CancellationToken.None);
        Assert.Equal(all.Select(e => e.Id).Order(), all.Select(e => e.Id));
        Assert.Equal([JobEventTypes.Submitted, JobEventTypes.Started, JobEventTypes.Failed], all.Where(e => e.JobId == early).Select(e => e.Type));
        Assert.Equal(ErrorCodes.InvalidInput, all.Single(e => e.JobId == early && e.Type == JobEventTypes.Failed).ErrorCode);
        Assert.Equal(completionFirst.Select(e => e.Id), all.Where(e => e.JobId == late).Select(e => e.Id));
        Assert.Equal([late], (await store.EventsAfterAsync(0, new EventFilter(late, null), 100, CancellationToken.None)).Select(e => e.JobId).Distinct());
    }

    [Fact]
    public async Task Its_latest_event_id_is_where_a_stream_that_starts_now_begins()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(0, await store.LatestEventIdAsync(CancellationToken.None));

        var first = await store.ApplyAsync(Queued(Guid.NewGuid(), T0), CancellationToken.None);
        var second = await store.ApplyAsync(Succeeded(Guid.NewGuid(), T0), CancellationToken.None);
        var latest = await store.LatestEventIdAsync(CancellationToken.None);

        Assert.Equal(second.Max(e => e.Id), latest);
        Assert.True(latest > first.Single().Id);
        Assert.Empty(await store.EventsAfterAsync(latest, EventFilter.All, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_of_updates_records_what_the_same_updates_one_by_one_record_in_one_transaction()
    {
        var batchStore = await CreateStoreAsync();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        // Out of order, with a duplicate and a late start, all in one batch (as the group commit sends them).
        JobRecordUpdate[] updates = [Queued(a, T0), Succeeded(b, T0.AddSeconds(1)), Running(a, T0), Queued(b, T0.AddSeconds(1)), Running(a, T0), Failed(a, T0), Running(b, T0.AddSeconds(1))];

        var batched = await batchStore.ApplyManyAsync(updates, CancellationToken.None);

        Assert.Equal(updates.Length, batched.Count);
        Assert.Equal(
            [[JobEventTypes.Submitted], [JobEventTypes.Submitted, JobEventTypes.Started, JobEventTypes.Completed], [JobEventTypes.Started], [], [], [JobEventTypes.Failed], []],
            batched.Select(events => events.Select(e => e.Type).ToArray()));
        var stream = await batchStore.EventsAfterAsync(0, EventFilter.All, 100, CancellationToken.None);
        // Ids are handed out in batch order and the stream holds exactly what the batch returned.
        Assert.Equal(batched.SelectMany(e => e).Select(e => e.Id), stream.Select(e => e.Id));
        Assert.Equal(stream.Select(e => e.Id).Order(), stream.Select(e => e.Id));
        Assert.Equal(JobStatus.Failed, (await batchStore.GetAsync(a, CancellationToken.None))!.Status);
        Assert.Equal(JobStatus.Succeeded, (await batchStore.GetAsync(b, CancellationToken.None))!.Status);

        // A later reader resuming after the batch's last id misses nothing written afterwards.
        var last = stream[^1].Id;
        await batchStore.ApplyManyAsync([Queued(Guid.NewGuid(), T0.AddSeconds(2))], CancellationToken.None);
        Assert.Single(await batchStore.EventsAfterAsync(last, EventFilter.All, 100, CancellationToken.None));
    }

    [Fact]
    public async Task It_keeps_the_first_outcome()
    {
        var store = await CreateStoreAsync();
        var id = Guid.NewGuid();

        await store.ApplyAsync(Succeeded(id, T0), CancellationToken.None);
        await store.ApplyAsync(Failed(id, T0), CancellationToken.None);
        await store.ApplyAsync(Succeeded(id, T0, """{"answer":7}"""), CancellationToken.None);

        var job = (await store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Null(job.Error);
        Assert.Equal(42, job.Result!.Value.GetProperty("answer").GetInt32());
    }

    [Fact]
    public async Task It_keeps_one_row_per_job_under_concurrent_duplicates()
    {
        var store = await CreateStoreAsync();
        var ids = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToArray();

        // Every event of every job three times, all at once, in shuffled order.
        var updates = ids.SelectMany((id, i) => new[] { Queued(id, T0.AddSeconds(i)), Running(id, T0.AddSeconds(i)), Succeeded(id, T0.AddSeconds(i)) })
            .SelectMany(u => new[] { u, u, u }).OrderBy(_ => Random.Shared.Next()).ToArray();
        await Parallel.ForEachAsync(updates, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (u, ct) => await store.ApplyAsync(u, ct));

        var page = await store.ListAsync(new JobQuery(null, null, 500, null), CancellationToken.None);
        Assert.Equal(ids.Length, page.Items.Count);
        Assert.Equal(ids.Order(), page.Items.Select(j => j.JobId).Order());
        Assert.All(page.Items, j => Assert.Equal(JobStatus.Succeeded, j.Status));
    }

    [Fact]
    public async Task It_lists_newest_first_with_filters_and_cursor_paging()
    {
        var store = await CreateStoreAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            var kind = i % 2 == 0 ? JobKinds.PixelsEntropy : JobKinds.PixelsSegment;
            await store.ApplyAsync(Queued(id, T0.AddSeconds(i), kind), CancellationToken.None);
            if (i % 3 == 0) await store.ApplyAsync(Failed(id, T0.AddSeconds(i)) with { Kind = kind }, CancellationToken.None);
        }

        var seen = new List<Guid>();
        JobCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(new JobQuery(null, null, 10, cursor), CancellationToken.None);
            seen.AddRange(page.Items.Select(j => j.JobId));
            pages++;
            cursor = page.NextCursor is null ? null : JobCursor.TryDecode(page.NextCursor, out var next) ? next : throw new InvalidOperationException("bad cursor");
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(ids), seen);

        var failed = await store.ListAsync(new JobQuery(JobStatus.Failed, null, 100, null), CancellationToken.None);
        Assert.Equal(ids.Where((_, i) => i % 3 == 0).Reverse(), failed.Items.Select(j => j.JobId));

        var segments = await store.ListAsync(new JobQuery(null, JobKinds.PixelsSegment, 100, null), CancellationToken.None);
        Assert.Equal(12, segments.Items.Count);
        Assert.All(segments.Items, j => Assert.Equal(JobKinds.PixelsSegment, j.Kind));
    }

    [Fact]
    public async Task Retention_deletes_old_finished_jobs_and_their_events_but_never_unfinished_ones()
    {
        var store = await CreateStoreAsync();
        var oldDone = Guid.NewGuid();
        var oldQueued = Guid.NewGuid();
        var recentDone = Guid.NewGuid();
        await store.ApplyAsync(Succeeded(oldDone, T0), CancellationToken.None);
        await store.ApplyAsync(Queued(oldQueued, T0), CancellationToken.None);
        await store.ApplyAsync(Succeeded(recentDone, T0.AddDays(10)), CancellationToken.None);

        await store.DeleteFinishedBeforeAsync(T0.AddDays(7), CancellationToken.None);

        Assert.Null(await store.GetAsync(oldDone, CancellationToken.None));
        Assert.NotNull(await store.GetAsync(oldQueued, CancellationToken.None));
        Assert.NotNull(await store.GetAsync(recentDone, CancellationToken.None));
        var events = await store.EventsAfterAsync(0, EventFilter.All, 100, CancellationToken.None);
        Assert.DoesNotContain(events, e => e.JobId == oldDone);
        Assert.Contains(events, e => e.JobId == oldQueued);
        Assert.Equal(3, events.Count(e => e.JobId == recentDone));
    }

    [Fact]
    public async Task It_lists_and_streams_one_tenant_when_asked_and_every_tenant_otherwise()
    {
        var store = await CreateStoreAsync();
        var ofA = Guid.NewGuid();
        var ofB = Guid.NewGuid();
        var ofNone = Guid.NewGuid();
        await store.ApplyAsync(Queued(ofA, T0) with { TenantId = "a" }, CancellationToken.None);
        // A later event without the tenant (as a processor's could be) does not erase it.
        await store.ApplyAsync(Succeeded(ofA, T0), CancellationToken.None);
        await store.ApplyAsync(Succeeded(ofB, T0.AddSeconds(1)) with { TenantId = "b" }, CancellationToken.None);
        await store.ApplyAsync(Queued(ofNone, T0.AddSeconds(2)), CancellationToken.None);

        var listedA = await store.ListAsync(new JobQuery(null, null, 100, null) { Tenant = "a" }, CancellationToken.None);
        var listedAll = await store.ListAsync(new JobQuery(null, null, 100, null), CancellationToken.None);
        var streamedB = await store.EventsAfterAsync(0, EventFilter.All with { Tenant = "b" }, 100, CancellationToken.None);

        Assert.Equal([ofA], listedA.Items.Select(j => j.JobId));
        Assert.Equal([ofNone, ofB, ofA], listedAll.Items.Select(j => j.JobId));
        Assert.Equal("a", (await store.GetAsync(ofA, CancellationToken.None))!.TenantId);
        Assert.Null((await store.GetAsync(ofNone, CancellationToken.None))!.TenantId);
        Assert.Equal(3, streamedB.Count);
        Assert.All(streamedB, e => Assert.Equal(ofB, e.JobId));
    }

    [Fact]
    public async Task It_reads_the_finished_jobs_of_the_health_window_with_their_tenant()
    {
        var store = await CreateStoreAsync();
        // Later than every other test's jobs, so a shared database adds nothing to the window.
        var t = T0.AddYears(5);
        await store.ApplyAsync(Succeeded(Guid.NewGuid(), t) with { TenantId = "tenant-a" }, CancellationToken.None);
        await store.ApplyAsync(Failed(Guid.NewGuid(), t), CancellationToken.None);
        await store.ApplyAsync(Running(Guid.NewGuid(), t), CancellationToken.None);
        await store.ApplyAsync(Succeeded(Guid.NewGuid(), t.AddMinutes(-10)), CancellationToken.None);

        var window = await store.FinishedSinceAsync(t, CancellationToken.None);

        Assert.Equal(2, window.Count);
        Assert.Contains(new FinishedJob(JobKinds.PixelsEntropy, JobStatus.Succeeded, 100, "tenant-a"), window);
        Assert.Contains(new FinishedJob(JobKinds.PixelsEntropy, JobStatus.Failed, 90, null), window);
    }

    [Fact]
    public async Task It_returns_nothing_for_an_unknown_job()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
