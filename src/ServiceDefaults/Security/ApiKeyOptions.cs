namespace Prism.ServiceDefaults.Security;

/// <summary>
/// One API key. Give <see cref="KeyHash"/> (the SHA-256 of the key, hex) so the key itself is in no
/// configuration file; <see cref="Key"/> (the plain key) is accepted for local use.
/// </summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; logs and rate limits name this, never the key.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>admin</c>, <c>submit</c> or <c>read</c>.</summary>
    public string Role { get; set; } = "";

    /// <summary>The tenant whose jobs the key submits and sees. Required except for admin keys.</summary>
    public string? Tenant { get; set; }

    /// <summary>Lower- or upper-case hex SHA-256 of the UTF-8 key (64 characters).</summary>
    public string? KeyHash { get; set; }

    /// <summary>The plain key, when a hash is not used.</summary>
    public string? Key { get; set; }
}
