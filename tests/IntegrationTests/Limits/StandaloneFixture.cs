namespace Prism.IntegrationTests.Limits;

/// <summary>One Standalone process with its defaults (auth off, in-memory bus, SQLite in a temporary folder, CPU engine).</summary>
public sealed class StandaloneFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-limits-").FullName;
    private ServiceProcess? _standalone;

    public ServiceProcess Standalone => _standalone ?? throw new InvalidOperationException("Standalone has not started.");

    public string Folder => _directory;

    public async ValueTask InitializeAsync() =>
        _standalone = await ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
        {
            ["ConnectionStrings__results"] = $"Data Source={Path.Combine(_directory, "prism.db")}",
            ["Processor__Engine"] = "cpu",
        });

    public async ValueTask DisposeAsync()
    {
        if (_standalone is not null) await _standalone.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
