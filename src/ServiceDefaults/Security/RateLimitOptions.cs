namespace Prism.ServiceDefaults.Security;

/// <summary>Request rate limits (section <c>Prism:Auth:RateLimits</c>): per key by its role, and per client IP without a key.</summary>
public sealed class RateLimitOptions
{
    public TokenBucketSettings Admin { get; set; } = new() { PermitsPerSecond = 200, Burst = 400 };
    public TokenBucketSettings Submit { get; set; } = new() { PermitsPerSecond = 100, Burst = 200 };
    public TokenBucketSettings Read { get; set; } = new() { PermitsPerSecond = 100, Burst = 200 };

    /// <summary>Requests without a valid key (they get 401), per remote IP: keeps key guessing slow.</summary>
    public TokenBucketSettings Anonymous { get; set; } = new() { PermitsPerSecond = 10, Burst = 20 };

    public TokenBucketSettings ForRole(string role) => role switch
    {
        PrismRoles.Admin => Admin,
        PrismRoles.Submit => Submit,
        PrismRoles.Read => Read,
        _ => Anonymous,
    };
}
