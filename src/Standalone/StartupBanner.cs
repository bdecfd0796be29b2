using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Prism.Processor.Compute;
using Prism.Results.Storage;
using Prism.ServiceDefaults.Messaging;

namespace Prism.Standalone;

/// <summary>Tells a new user, once the server listens, where it is and what it runs on.</summary>
public sealed partial class StartupBanner(IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration,
    ComputeDevice device, IResultStore store, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            LogBanner(logger, string.Join(", ", urls), configuration.UsesRabbitMq() ? "RabbitMQ" : "in-memory",
                $"{store.Provider} at {store.Location}", $"{device.Engine} on {device.DeviceName}");
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
          Auth:   OFF — anyone who reaches this port can submit and read jobs.
          Try:    curl -s -X POST {Urls}/api/v1/pixels/entropy -H 'Content-Type: application/json' -d '{{"width":2,"height":2,"pixels":[0,1,2,3],"window":3,"bins":4}}'
        """)]
    private static partial void LogBanner(ILogger logger, string urls, string bus, string store, string engine);
}
