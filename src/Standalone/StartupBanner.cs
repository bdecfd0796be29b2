using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Prism.Compute;
using Prism.Results.Storage;
using Prism.ServiceDefaults.Messaging;
using Prism.ServiceDefaults.Security;

namespace Prism.Standalone;

/// <summary>Tells a new user, once the server listens, where it is and what it runs on.</summary>
public sealed partial class StartupBanner(IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration,
    ComputeDevice device, IResultStore store, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            var bus = configuration.UsesRabbitMq() ? "RabbitMQ" : "in-memory";
            var where = $"{store.Provider} at {store.Location}";
            var engine = $"{device.Engine} on {device.DeviceName}";
            if (configuration.AuthEnabled()) LogBannerSecured(logger, urls, bus, where, engine);
            else LogBanner(logger, urls, bus, where, engine);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = """
        Prism Standalone is running.
          URL:    {Urls}
          Bus:    {Bus}
          Store:  {Store}
          Engine: {Engine}
          Auth:   OFF — anyone who reaches this port can submit, read and cancel every job.
                  Turn it on with Prism__Auth__Enabled=true and keys (docs/security.md).
          Try:    curl -s -X POST {Urls}/api/v1/pixels/entropy -H 'Content-Type: application/json' -d '{{"width":2,"height":2,"pixels":[0,1,2,3],"window":3,"bins":4}}'
        """)]
    private static partial void LogBanner(ILogger logger, string urls, string bus, string store, string engine);

    [LoggerMessage(Level = LogLevel.Information, Message = """
        Prism Standalone is running.
          URL:    {Urls}
          Bus:    {Bus}
          Store:  {Store}
          Engine: {Engine}
          Auth:   ON — every API call needs a key (Authorization: Bearer <key> or X-API-Key); /health and /metrics do not.
          Try:    curl -s -X POST {Urls}/api/v1/pixels/entropy -H "Authorization: Bearer $PRISM_API_KEY" -H 'Content-Type: application/json' -d '{{"width":2,"height":2,"pixels":[0,1,2,3],"window":3,"bins":4}}'
        """)]
    private static partial void LogBannerSecured(ILogger logger, string urls, string bus, string store, string engine);
}
