using MassTransit;

namespace Prism.ServiceDefaults.Messaging;

/// <summary>
/// A non-durable, auto-deleted queue unique to this process instance: every instance receives every
/// message (broadcast), and a stopped one leaves nothing behind.
/// </summary>
public static class PerInstanceEndpoint
{
    public static void Configure(IEndpointRegistrationConfigurator endpoint, string name)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Name = name;
        endpoint.InstanceId = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];
        endpoint.Temporary = true;
    }
}
