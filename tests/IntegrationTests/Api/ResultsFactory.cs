using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Prism.Results;
using Prism.Results.Events;

namespace Prism.IntegrationTests.Api;

/// <summary>The results API in-process over a temporary SQLite file, its event consumer on MassTransit's test harness.</summary>
public sealed class ResultsFactory : WebApplicationFactory<ResultsOptions>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-results-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:results", $"Data Source={Path.Combine(_directory, "results.db")}");
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness(x => x.AddConsumer<JobEventConsumer, JobEventConsumerDefinition>()).UseGenerousHarnessTimeouts());
    }

    /// <summary>
    /// Starts <paramref name="factory"/> on Kestrel at a free port and returns its <c>ws://…/ws</c>: real TCP and real
    /// WebSocket handshakes (Origin, status codes), which the in-memory test server does not have.
    /// </summary>
    public static Uri StartOnKestrel(WebApplicationFactory<ResultsOptions> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UriBuilder(address) { Scheme = "ws", Path = "/ws" }.Uri;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
