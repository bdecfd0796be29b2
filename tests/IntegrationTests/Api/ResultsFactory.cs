using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
