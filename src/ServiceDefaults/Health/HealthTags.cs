namespace Prism.ServiceDefaults.Health;

/// <summary>Tags that place a health check on <c>/health/live</c> or <c>/health/ready</c>.</summary>
public static class HealthTags
{
    public const string Live = "live";

    /// <summary>MassTransit tags its bus check "ready" too, so the bus shows up on /health/ready by itself.</summary>
    public const string Ready = "ready";
}
