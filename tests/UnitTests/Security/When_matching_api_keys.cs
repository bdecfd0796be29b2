using Microsoft.Extensions.Options;
using Prism.ServiceDefaults.Security;

namespace Prism.UnitTests.Security;

public sealed class When_matching_api_keys
{
    private const string Hashed = "hashed-key-0123456789";
    private const string Plain = "plain-key-0123456789";

    private static AuthOptions Configured()
    {
        var options = new AuthOptions { Enabled = true };
        options.Keys.Add(new ApiKeyOptions { Name = "ops", Role = PrismRoles.Admin, KeyHash = ApiKeyRing.Hash(Hashed).ToUpperInvariant() });
        options.Keys.Add(new ApiKeyOptions { Name = "ci", Role = PrismRoles.Submit, Tenant = "team-a", Key = Plain });
        return options;
    }

    [Fact]
    public void The_hash_is_lowercase_hex_sha256_of_the_utf8_key() =>
        // sha256("abc"), the FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyRing.Hash("abc"));

    [Fact]
    public void A_hashed_and_a_plain_key_each_find_their_caller()
    {
        var ring = new ApiKeyRing(Options.Create(Configured()));

        Assert.Equal(new ApiKeyCaller("ops", PrismRoles.Admin, null), ring.Find(Hashed));
        Assert.Equal(new ApiKeyCaller("ci", PrismRoles.Submit, "team-a"), ring.Find(Plain));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hashed-key-012345678")]
    [InlineData("hashed-key-01234567890")]
    [InlineData("HASHED-KEY-0123456789")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Anything_else_finds_no_one(string presented) =>
        Assert.Null(new ApiKeyRing(Options.Create(Configured())).Find(presented));

    [Fact]
    public void A_valid_configuration_passes_and_auth_off_needs_no_keys()
    {
        var validator = new AuthOptionsValidator();
        Assert.True(validator.Validate(null, Configured()).Succeeded);
        Assert.True(validator.Validate(null, new AuthOptions()).Succeeded);
    }

    [Fact]
    public void Every_broken_key_is_named_without_its_value()
    {
        var options = new AuthOptions { Enabled = true };
        options.Keys.Add(new ApiKeyOptions { Name = "", Role = "root", Key = "short" });
        options.Keys.Add(new ApiKeyOptions { Name = "x", Role = PrismRoles.Read, KeyHash = "zz" });
        options.Keys.Add(new ApiKeyOptions { Name = "x", Role = PrismRoles.Submit, Tenant = "t", Key = Plain, KeyHash = ApiKeyRing.Hash(Plain) });

        var failures = new AuthOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains("Prism:Auth:Keys:0:Name is required.", failures);
        Assert.Contains(failures, f => f.StartsWith("Prism:Auth:Keys:0:Role must be one of", StringComparison.Ordinal));
        Assert.Contains("Prism:Auth:Keys:0:Key must be at least 16 characters.", failures);
        Assert.Contains("Prism:Auth:Keys:1:Tenant is required for a read key.", failures);
        Assert.Contains("Prism:Auth:Keys:1:KeyHash must be 64 hex characters (SHA-256).", failures);
        Assert.Contains("Prism:Auth:Keys:2:Name 'x' is used by another key.", failures);
        Assert.Contains("Prism:Auth:Keys:2 needs exactly one of KeyHash (hex SHA-256, preferred) or Key.", failures);
        Assert.DoesNotContain(failures, f => f.Contains(Plain, StringComparison.Ordinal) || f.Contains("short", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rate_limit_without_permits_is_refused_even_with_auth_off()
    {
        var options = new AuthOptions { RateLimits = new RateLimitOptions { Read = new TokenBucketSettings { PermitsPerSecond = 0, Burst = 0 } } };
        Assert.Contains("Prism:Auth:RateLimits:Read needs PermitsPerSecond >= 1 and Burst >= PermitsPerSecond.",
            new AuthOptionsValidator().Validate(null, options).Failures!);
    }
}
