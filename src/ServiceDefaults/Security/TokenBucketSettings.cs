namespace Prism.ServiceDefaults.Security;

/// <summary>A token bucket: <see cref="PermitsPerSecond"/> sustained, bursts up to <see cref="Burst"/>.</summary>
public sealed class TokenBucketSettings
{
    public int PermitsPerSecond { get; set; }
    public int Burst { get; set; }

    internal bool IsValid => PermitsPerSecond >= 1 && Burst >= PermitsPerSecond;
}
