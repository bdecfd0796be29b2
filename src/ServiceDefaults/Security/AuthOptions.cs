namespace Prism.ServiceDefaults.Security;

/// <summary>
/// API-key authentication (section <c>Prism:Auth</c>). Off by default so Standalone runs with no setup;
/// <c>Prism__Auth__Enabled=true</c> turns it on, and then at least one key must be configured.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Prism:Auth";

    public bool Enabled { get; set; }

    public IList<ApiKeyOptions> Keys { get; } = [];

    /// <summary>Applied only while <see cref="Enabled"/>: without keys there is no one to tell apart.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}
