using Prism.IntegrationTests.Infrastructure;
using Prism.Results;
using Prism.Results.Storage;

namespace Prism.IntegrationTests.Storage;

[Collection(BrokerAndDatabase.Name)]
public sealed class When_storing_results_in_PostgreSQL(PostgresService postgres) : ResultStoreContract
{
    protected override async Task<IResultStore> CreateStoreAsync()
    {
        var store = ResultsExtensions.CreateStore(await postgres.CreateDatabaseAsync());
        Assert.Equal("postgresql", store.Provider);
        // Several replicas start at once: the schema lock makes concurrent initialisation safe.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.InitializeAsync(CancellationToken.None)));
        return store;
    }
}
