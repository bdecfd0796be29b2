using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prism.ServiceDefaults.Messaging;

namespace Prism.IntegrationTests.Messaging;

/// <summary>The bus every service builds (<see cref="BusExtensions.AddPrismBus"/>), as configured, not started.</summary>
public sealed class When_the_bus_is_configured
{
    /// <summary>
    /// Issue 14, row 12: MassTransit reported usage to its own host on start, and logged a warning with a stack
    /// trace where it could not reach it. A production pod must make no such outbound call.
    /// </summary>
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:1/")]
    [InlineData("")]
    public void MassTransit_usage_telemetry_is_off(string rabbitmq)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{BusOptions.RabbitMqConnectionName}"] = rabbitmq;
        builder.AddPrismBus();
        using var host = builder.Build();

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
