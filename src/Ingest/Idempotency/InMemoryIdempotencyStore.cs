using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Prism.Ingest.Idempotency;

/// <summary>Keys held in this process: right for Standalone and a single Ingest replica.</summary>
public sealed class InMemoryIdempotencyStore(IOptions<IngestOptions> options, TimeProvider clock) : IIdempotencyStore
{
    private readonly ConcurrentDictionary<(string Scope, string Key), (IdempotencyRecord Record, DateTimeOffset At)> _keys = new();

    public Task<IdempotencyRecord> ReserveAsync(string scope, string key, string fingerprint, Guid jobId, string kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ttl = TimeSpan.FromHours(options.Value.IdempotencyHours);
        var mine = (new IdempotencyRecord(fingerprint, jobId, kind, Reserved: true), now);
        var held = _keys.AddOrUpdate((scope, key), mine, (_, existing) => now - existing.At > ttl ? mine : existing);
        if (_keys.Count > 100_000) Expire(now - ttl);
        return Task.FromResult(ReferenceEquals(held.Record, mine.Item1) ? held.Record : held.Record with { Reserved = false });
    }

    public Task ReleaseAsync(string scope, string key, Guid jobId, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue((scope, key), out var held) && held.Record.JobId == jobId) _keys.TryRemove((scope, key), out _);
        return Task.CompletedTask;
    }

    private void Expire(DateTimeOffset cutoff)
    {
        foreach (var (key, held) in _keys)
        {
            if (held.At < cutoff) _keys.TryRemove(key, out _);
        }
    }
}
