using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// The keys the security tests configure: one per role for tenant A, a submit key for tenant B, and an
/// admin of no tenant. Hashes are configured (as in production) except for one plain key, so both forms are used.
/// </summary>
public static class TestKeys
{
    public const string Admin = "admin-key-0123456789abcdef";
    public const string SubmitA = "submit-a-key-0123456789abcdef";
    public const string ReadA = "read-a-key-0123456789abcdef";
    public const string SubmitB = "submit-b-key-0123456789abcdef";
    public const string Unknown = "not-a-key-0123456789abcdef";

    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    private static readonly (string Name, string Role, string? Tenant, string Key, bool Hashed)[] Keys =
    [
        ("ops", "admin", null, Admin, true),
        ("alice-submit", "submit", TenantA, SubmitA, true),
        ("alice-read", "read", TenantA, ReadA, true),
        ("bob-submit", "submit", TenantB, SubmitB, false),
    ];

    /// <summary>Upper-case hex, to prove the service accepts either case.</summary>
    public static string Sha256Hex(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Settings as configuration keys (<c>Prism:Auth:…</c>); <paramref name="separator"/> "__" gives environment variables.</summary>
    public static Dictionary<string, string> Settings(string separator = ":", int permitsPerSecond = 10_000)
    {
        string K(params string[] parts) => string.Join(separator, parts);
        var settings = new Dictionary<string, string> { [K("Prism", "Auth", "Enabled")] = "true" };
        for (var i = 0; i < Keys.Length; i++)
        {
            var (name, role, tenant, key, hashed) = Keys[i];
            var n = i.ToString(CultureInfo.InvariantCulture);
            settings[K("Prism", "Auth", "Keys", n, "Name")] = name;
            settings[K("Prism", "Auth", "Keys", n, "Role")] = role;
            if (tenant is not null) settings[K("Prism", "Auth", "Keys", n, "Tenant")] = tenant;
            settings[K("Prism", "Auth", "Keys", n, hashed ? "KeyHash" : "Key")] = hashed ? Sha256Hex(key) : key;
        }
        var rate = permitsPerSecond.ToString(CultureInfo.InvariantCulture);
        foreach (var role in new[] { "Admin", "Submit", "Read", "Anonymous" })
        {
            settings[K("Prism", "Auth", "RateLimits", role, "PermitsPerSecond")] = rate;
            settings[K("Prism", "Auth", "RateLimits", role, "Burst")] = rate;
        }
        return settings;
    }
}
