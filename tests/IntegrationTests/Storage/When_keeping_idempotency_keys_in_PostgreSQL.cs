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
    private const string TenantA = "tenant:tenant-a";
    private const string TenantB = "tenant:tenant-b";

    private async Task<PostgresIdempotencyStore[]> ReplicasAsync(int count, string? database = null)
    {
        database ??= await postgres.CreateDatabaseAsync();
        return [.. Enumerable.Range(0, count).Select(_ => new PostgresIdempotencyStore(NpgsqlDataSource.Create(database), Options.Create(new IngestOptions()), TimeProvider.System))];
    }

    [Fact]
    public async Task The_same_key_of_two_tenants_holds_two_jobs()
    {
        var store = (await ReplicasAsync(1))[0];
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var ofA = await store.ReserveAsync(TenantA, "invoice-1", "fp", a, "pixels.entropy", CancellationToken.None);
        var ofB = await store.ReserveAsync(TenantB, "invoice-1", "fp", b, "pixels.entropy", CancellationToken.None);
        var ofAAgain = await store.ReserveAsync(TenantA, "invoice-1", "fp", Guid.NewGuid(), "pixels.entropy", CancellationToken.None);

        Assert.True(ofA.Reserved);
        Assert.True(ofB.Reserved);
        Assert.Equal(b, ofB.JobId);
        Assert.False(ofAAgain.Reserved);
        Assert.Equal(a, ofAAgain.JobId);
    }

    /// <summary>A table written before keys were scoped (primary key <c>key</c>): its rows keep their jobs, under their job's tenant.</summary>
    [Fact]
    public async Task Rows_written_before_keys_were_scoped_keep_working_under_their_jobs_tenant()
    {
        var database = await postgres.CreateDatabaseAsync();
        var (ofTenant, ofNoTenant) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var source = NpgsqlDataSource.Create(database))
        await using (var command = source.CreateCommand($"""
            CREATE TABLE prism_idempotency (
              key text PRIMARY KEY, fingerprint text NOT NULL, job_id uuid NOT NULL, kind text NOT NULL, created_ms bigint NOT NULL);
            CREATE TABLE prism_jobs (job_id uuid NOT NULL PRIMARY KEY, tenant_id text NULL);
            INSERT INTO prism_jobs VALUES ('{ofTenant}', 'tenant-a'), ('{ofNoTenant}', NULL);
            INSERT INTO prism_idempotency VALUES
              ('old-1', 'fp', '{ofTenant}', 'pixels.entropy', {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}),
              ('old-2', 'fp', '{ofNoTenant}', 'pixels.entropy', {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()});
            """))
        {
            await command.ExecuteNonQueryAsync();
        }
        var replicas = await ReplicasAsync(2, database);

        var replayed = await Task.WhenAll(replicas.Select(r => r.ReserveAsync(TenantA, "old-1", "fp", Guid.NewGuid(), "pixels.entropy", CancellationToken.None)));
        var unscoped = await replicas[0].ReserveAsync(IdempotencyScope.Unscoped, "old-2", "fp", Guid.NewGuid(), "pixels.entropy", CancellationToken.None);
        var otherTenant = await replicas[1].ReserveAsync(TenantB, "old-1", "fp", Guid.NewGuid(), "pixels.entropy", CancellationToken.None);

        Assert.All(replayed, r => Assert.Equal((ofTenant, false), (r.JobId, r.Reserved)));
        Assert.Equal((ofNoTenant, false), (unscoped.JobId, unscoped.Reserved));
        Assert.True(otherTenant.Reserved);
    }

    [Fact]
    public async Task Replicas_racing_on_one_key_create_one_job()
    {
        var replicas = await ReplicasAsync(4);
        var attempts = Enumerable.Range(0, 16).Select(i => (Store: replicas[i % 4], JobId: Guid.NewGuid())).ToArray();

        var held = await Task.WhenAll(attempts.Select(a => a.Store.ReserveAsync(TenantA, "key-1", "fp", a.JobId, "pixels.entropy", CancellationToken.None)));

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
        Assert.True((await store.ReserveAsync(TenantA, "key-2", "fp", first, "pixels.entropy", CancellationToken.None)).Reserved);

        await store.ReleaseAsync(TenantA, "key-2", first, CancellationToken.None);

        var second = Guid.NewGuid();
        var again = await store.ReserveAsync(TenantA, "key-2", "other", second, "pixels.entropy", CancellationToken.None);
        Assert.True(again.Reserved);
        Assert.Equal(second, again.JobId);
    }
}
