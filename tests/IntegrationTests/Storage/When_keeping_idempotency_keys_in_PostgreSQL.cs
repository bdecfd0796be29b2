using Microsoft.Extensions.Options;
using Npgsql;
using Prism.Ingest;
using Prism.Ingest.Idempotency;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.Storage;

/// <summary>The key store every Ingest replica shares: one job per key however many replicas race.</summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_keeping_idempotency_keys_in_PostgreSQL(PostgresService postgres)
{
    private async Task<PostgresIdempotencyStore[]> ReplicasAsync(int count)
    {
        var database = await postgres.CreateDatabaseAsync();
        return [.. Enumerable.Range(0, count).Select(_ => new PostgresIdempotencyStore(NpgsqlDataSource.Create(database), Options.Create(new IngestOptions()), TimeProvider.System))];
    }

    [Fact]
    public async Task Replicas_racing_on_one_key_create_one_job()
    {
        var replicas = await ReplicasAsync(4);
        var attempts = Enumerable.Range(0, 16).Select(i => (Store: replicas[i % 4], JobId: Guid.NewGuid())).ToArray();

        var held = await Task.WhenAll(attempts.Select(a => a.Store.ReserveAsync("key-1", "fp", a.JobId, "pixels.entropy", CancellationToken.None)));

        Assert.Single(held, h => h.Reserved);
        var winner = held.Single(h => h.Reserved).JobId;
        Assert.All(held, h => Assert.Equal(winner, h.JobId));
        Assert.All(held, h => Assert.Equal("fp", h.Fingerprint));
    }

    [Fact]
    public async Task A_released_key_can_be_reserved_again()
    {
        var store = (await ReplicasAsync(1))[0];
        var first = Guid.NewGuid();
        Assert.True((await store.ReserveAsync("key-2", "fp", first, "pixels.entropy", CancellationToken.None)).Reserved);

        await store.ReleaseAsync("key-2", first, CancellationToken.None);

        var second = Guid.NewGuid();
        var again = await store.ReserveAsync("key-2", "other", second, "pixels.entropy", CancellationToken.None);
        Assert.True(again.Reserved);
        Assert.Equal(second, again.JobId);
    }
}
