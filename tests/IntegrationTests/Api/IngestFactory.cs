using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Prism.Ingest;

namespace Prism.IntegrationTests.Api;

/// <summary>The ingest API in-process on MassTransit's test harness, with a small body limit to test 413.</summary>
public sealed class IngestFactory : WebApplicationFactory<IngestOptions>
{
    public const int MaxBodyBytes = 64 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Ingest:MaxBodyBytes", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness().UseGenerousHarnessTimeouts());
    }
}
