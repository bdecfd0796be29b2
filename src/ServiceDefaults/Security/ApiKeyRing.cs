using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Prism.ServiceDefaults.Security;

/// <summary>
/// The configured keys, held only as SHA-256 hashes. A presented key is hashed and compared with every
/// entry in constant time, so neither the comparison nor the position of a match leaks through timing.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly (byte[] Hash, ApiKeyCaller Caller)[] _entries;

    public ApiKeyRing(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _entries = [.. options.Value.Keys.Select(k => (HashOf(k), new ApiKeyCaller(k.Name, k.Role, string.IsNullOrWhiteSpace(k.Tenant) ? null : k.Tenant)))];
    }

    /// <summary>The hex SHA-256 of a key, as <c>Prism:Auth:Keys:n:KeyHash</c> expects it.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    public ApiKeyCaller? Find(string presentedKey)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        ApiKeyCaller? match = null;
        foreach (var (hash, caller) in _entries)
        {
            // No early exit: every entry costs the same whether or not an earlier one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, presented)) match = caller;
        }
        return match;
    }

    private static byte[] HashOf(ApiKeyOptions key) =>
        !string.IsNullOrWhiteSpace(key.KeyHash) ? Convert.FromHexString(key.KeyHash.Trim()) : SHA256.HashData(Encoding.UTF8.GetBytes(key.Key ?? ""));
}
