using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Prism.Client;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.Cli.Batch;

/// <summary>
/// Submits a batch in chunks (<c>POST /api/v1/jobs/batch</c>) and, while later chunks are still being sent, waits for
/// every accepted job with a bounded number of long-polls. Counts how each kind ended.
/// </summary>
public sealed partial class BatchRunner(PrismClient client)
{
    private sealed record Tracked(BatchLine Line, JobReceipt Receipt)
    {
        public JobResultView? Final { get; set; }
    }

    public async Task<BatchSummary> RunAsync(IReadOnlyList<BatchLine> lines, BatchSettings settings, IBatchProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        var stopwatch = Stopwatch.StartNew();
        var deadline = DateTimeOffset.UtcNow + settings.Timeout;
        var tracked = new ConcurrentQueue<Tracked>();
        var accepted = Channel.CreateUnbounded<Tracked>(new UnboundedChannelOptions { SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var tasks = new List<Task> { Guard(SubmitAllAsync(lines, settings, tracked, accepted.Writer, progress, failed.Token), failed) };
        if (settings.Wait)
        {
            for (var i = 0; i < settings.Concurrency; i++)
            {
                tasks.Add(Guard(WaitAllAsync(accepted.Reader, deadline, progress, failed.Token), failed));
            }
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (tasks.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException) is { } first)
        {
            ExceptionDispatchInfo.Throw(first.Exception!.InnerException!);
        }
        return Summarize([.. tracked.OrderBy(t => t.Line.LineNumber)], settings.Wait, stopwatch.Elapsed);
    }

    private async Task SubmitAllAsync(IReadOnlyList<BatchLine> lines, BatchSettings settings, ConcurrentQueue<Tracked> tracked, ChannelWriter<Tracked> accepted, IBatchProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            var submitted = 0;
            foreach (var chunk in lines.Chunk(settings.ChunkSize))
            {
                var receipts = await SubmitChunkAsync(chunk, submitted, settings.UnavailableRetries, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var job = new Tracked(chunk[i], receipts[i]);
                    tracked.Enqueue(job);
                    await accepted.WriteAsync(job, cancellationToken).ConfigureAwait(false);
                }
                submitted += chunk.Length;
                progress.Submitted(chunk.Length);
            }
        }
        finally
        {
            accepted.TryComplete();
        }
    }

    private async Task<IReadOnlyList<JobReceipt>> SubmitChunkAsync(BatchLine[] chunk, int submittedBefore, int retries, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.SubmitBatchAsync(chunk.Select(l => l.Request), cancellationToken).ConfigureAwait(false);
            }
            catch (PrismUnavailableException ex) when (ex.Accepted.Count > 0)
            {
                // Part of the chunk will run; the receipts do not say which lines they are, so resending any line could run it twice.
                throw new CliException(ExitCodes.Unreachable,
                    $"the broker confirmed only {ex.Accepted.Count} of lines {chunk[0].LineNumber}–{chunk[^1].LineNumber} ({submittedBefore} job(s) before them were submitted); " +
                    $"nothing more is sent. Accepted: {string.Join(", ", ex.Accepted.Select(r => r.JobId))}");
            }
            catch (PrismUnavailableException ex) when (attempt < retries)
            {
                await Task.Delay(ex.RetryAfter ?? TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
            catch (PrismApiException ex) when (ex.Status == HttpStatusCode.BadRequest)
            {
                var problems = ex.Errors.Count == 0
                    ? [$"  {ex.Message}"]
                    : ex.Errors.Select(e => $"  {LineOf(e.Key, chunk)}: {string.Join(" ", e.Value)}").Take(BatchFile.MaxReported).ToList();
                throw new CliException(ExitCodes.Usage,
                    $"the API rejected lines {chunk[0].LineNumber}–{chunk[^1].LineNumber} ({ex.Title}); {submittedBefore} job(s) before them were submitted:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
            }
        }
    }

    private async Task WaitAllAsync(ChannelReader<Tracked> accepted, DateTimeOffset deadline, IBatchProgress progress, CancellationToken cancellationToken)
    {
        await foreach (var job in accepted.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left > TimeSpan.Zero)
            {
                try
                {
                    job.Final = await client.WaitAsync(job.Receipt.JobId, left, cancellationToken).ConfigureAwait(false);
                }
                catch (PrismApiException ex) when (ex.Status == HttpStatusCode.NotFound)
                {
                    job.Final = null;
                }
            }
            progress.Finished(job.Final?.Status ?? JobStatus.Queued);
        }
    }

    private static async Task Guard(Task task, CancellationTokenSource failed)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One broken part (the server went away) stops the others instead of leaving them waiting.
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static BatchSummary Summarize(IReadOnlyList<Tracked> jobs, bool waited, TimeSpan elapsed)
    {
        var kinds = jobs.GroupBy(j => j.Receipt.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, [.. g])).ToList();
        var total = Count("total", jobs);
        var failures = jobs.Where(j => waited && j.Final?.Status != JobStatus.Succeeded).Take(BatchFile.MaxReported)
            .Select(j => new BatchFailure(j.Line.LineNumber, j.Receipt.JobId, j.Receipt.Kind, j.Final?.Status ?? "unfinished", j.Final?.Error?.Code, j.Final?.Error?.Message))
            .ToList();
        var seconds = elapsed.TotalSeconds;
        var done = waited ? total.Succeeded + total.Failed + total.Cancelled : total.Submitted;
        return new BatchSummary
        {
            Submitted = total.Submitted,
            Succeeded = total.Succeeded,
            Failed = total.Failed,
            Cancelled = total.Cancelled,
            Unfinished = waited ? total.Unfinished : 0,
            Seconds = Math.Round(seconds, 3),
            JobsPerSecond = seconds > 0 ? Math.Round(done / seconds, 1) : 0,
            Kinds = kinds,
            Failures = failures,
        };
    }

    private static KindCounts Count(string kind, IReadOnlyCollection<Tracked> jobs) => new()
    {
        Kind = kind,
        Submitted = jobs.Count,
        Succeeded = jobs.Count(j => j.Final?.Status == JobStatus.Succeeded),
        Failed = jobs.Count(j => j.Final?.Status == JobStatus.Failed),
        Cancelled = jobs.Count(j => j.Final?.Status == JobStatus.Cancelled),
        Unfinished = jobs.Count(j => j.Final is null || !JobStatus.IsTerminal(j.Final.Status)),
    };

    /// <summary><c>[3].input.width</c> → <c>line 17: input.width</c> (the index is within the chunk).</summary>
    private static string LineOf(string key, BatchLine[] chunk)
    {
        var match = IndexedKey().Match(key);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, out var index) && index >= 0 && index < chunk.Length
            ? $"line {chunk[index].LineNumber}: {match.Groups[2].Value.TrimStart('.')}"
            : key;
    }

    [GeneratedRegex(@"^\[(\d+)\](.*)$")]
    private static partial Regex IndexedKey();
}
