using System.Globalization;
using Microsoft.Extensions.Options;

namespace Prism.ServiceDefaults.Security;

/// <summary>Stops the process at start when auth is on but a key is unusable, naming the key (never its value).</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var limits = options.RateLimits;
        foreach (var (role, bucket) in new[] { ("Admin", limits.Admin), ("Submit", limits.Submit), ("Read", limits.Read), ("Anonymous", limits.Anonymous) })
        {
            if (!bucket.IsValid) failures.Add($"Prism:Auth:RateLimits:{role} needs PermitsPerSecond >= 1 and Burst >= PermitsPerSecond.");
        }
        if (!options.Enabled) return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        if (options.Keys.Count == 0) failures.Add("Prism:Auth:Enabled is true but Prism:Auth:Keys is empty: no one could call the API.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Prism:Auth:Keys:{i}");
            if (string.IsNullOrWhiteSpace(key.Name)) failures.Add($"{at}:Name is required.");
            else if (!names.Add(key.Name)) failures.Add($"{at}:Name '{key.Name}' is used by another key.");
            if (!PrismRoles.All.Contains(key.Role)) failures.Add($"{at}:Role must be one of {string.Join(", ", PrismRoles.All)} (was '{key.Role}').");
            if (key.Role != PrismRoles.Admin && string.IsNullOrWhiteSpace(key.Tenant)) failures.Add($"{at}:Tenant is required for a {key.Role} key.");
            var hasHash = !string.IsNullOrWhiteSpace(key.KeyHash);
            var hasKey = !string.IsNullOrEmpty(key.Key);
            if (hasHash == hasKey) failures.Add($"{at} needs exactly one of KeyHash (hex SHA-256, preferred) or Key.");
            if (hasHash && !IsSha256Hex(key.KeyHash!.Trim())) failures.Add($"{at}:KeyHash must be 64 hex characters (SHA-256).");
            if (hasKey && key.Key!.Length < 16) failures.Add($"{at}:Key must be at least 16 characters.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSha256Hex(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);
}
