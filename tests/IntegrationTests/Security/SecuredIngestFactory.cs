using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Prism.Ingest;
using Prism.IntegrationTests.Api;

namespace Prism.IntegrationTests.Security;

/// <summary>Ingest in-process with auth on (the <see cref="TestKeys"/>), on MassTransit's test harness, with a 64 KiB body limit.</summary>
public class SecuredIngestFactory : WebApplicationFactory<IngestOptions>
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxBatchSize = 50;

    protected virtual int PermitsPerSecond => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Ingest:MaxBodyBytes", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Ingest:MaxBatchSize", MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in TestKeys.Settings(permitsPerSecond: PermitsPerSecond)) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness().UseGenerousHarnessTimeouts());
    }
}

/// <summary>The same, with a tiny rate limit (3 per second, bursts of 3) for the 429 tests.</summary>
public sealed class RateLimitedIngestFactory : SecuredIngestFactory
{
    public const int Burst = 3;

    protected override int PermitsPerSecond => Burst;
}
