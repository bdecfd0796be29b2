using Prism.Client;

[assembly: AssemblyFixture(typeof(Prism.ClientTests.Infrastructure.StandaloneFixture))]

namespace Prism.ClientTests.Infrastructure;

/// <summary>One Standalone process (in-memory bus, SQLite file, CPU engine) shared by every test of the assembly.</summary>
public sealed class StandaloneFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-client-tests-").FullName;
    private ServiceProcess? _standalone;

    public ServiceProcess Standalone => _standalone ?? throw new InvalidOperationException("Standalone has not started.");

    public Uri Url => Standalone.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        _standalone = await ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
        {
            ["ConnectionStrings__results"] = $"Data Source={Path.Combine(_directory, "prism.db")}",
            ["Processor__Engine"] = "cpu",
            // Two compute slots, whatever the machine, so runs do not depend on the core count.
            ["Processor__MaxConcurrentJobs"] = Jobs.ComputeSlots.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A client on its own HttpClient (disposed with the returned handle).</summary>
    public ClientHandle CreateClient(Action<PrismClientOptions>? configure = null)
    {
        var options = new PrismClientOptions { BaseUrl = Url };
        configure?.Invoke(options);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        return new ClientHandle(new PrismClient(http, options), http);
    }

    public async ValueTask DisposeAsync()
    {
        if (_standalone is not null) await _standalone.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment after the kill; the temp folder is only litter then.
        }
    }
}

/// <summary>A <see cref="PrismClient"/> and the HttpClient it owns for the test.</summary>
public sealed class ClientHandle(PrismClient client, HttpClient http) : IDisposable
{
    public PrismClient Client { get; } = client;

    public void Dispose() => http.Dispose();
}
