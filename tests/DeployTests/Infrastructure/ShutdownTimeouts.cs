using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prism.ServiceDefaults;
using Prism.ServiceDefaults.Messaging;

namespace Prism.DeployTests.Infrastructure;

/// <summary>The drain timeouts as the services really configure them (ServiceDefaults), read from a built host.</summary>
public static class ShutdownTimeouts
{
    private static readonly Lazy<(TimeSpan Host, TimeSpan Bus)> Values = new(Read);

    /// <summary><c>HostOptions.ShutdownTimeout</c>: the longest a service takes to stop.</summary>
    public static TimeSpan Host => Values.Value.Host;

    /// <summary><c>MassTransitHostOptions.StopTimeout</c>: the longest the bus waits for in-flight messages.</summary>
    public static TimeSpan Bus => Values.Value.Bus;

    private static (TimeSpan, TimeSpan) Read()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddServiceDefaults();
        builder.AddPrismBus();
        using var services = builder.Services.BuildServiceProvider();
        return (services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout,
            services.GetRequiredService<IOptions<MassTransitHostOptions>>().Value.StopTimeout ?? TimeSpan.Zero);
    }
}
