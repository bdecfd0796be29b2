using Prism.Results.Storage;

namespace Prism.IntegrationTests.Storage;

public sealed class When_storing_results_in_SQLite : ResultStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-sqlite-").FullName;

    protected override async Task<IResultStore> CreateStoreAsync()
    {
        var store = new SqliteResultStore($"Data Source={Path.Combine(_directory, "results.db")}");
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None); // idempotent
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
