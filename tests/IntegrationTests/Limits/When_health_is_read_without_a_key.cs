namespace Prism.IntegrationTests.Limits;

/// <summary>
/// Issue 14, row 12: <c>/health</c>, which needs no key, names no file or folder of the server.
/// </summary>
public sealed class When_health_is_read_without_a_key(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    [Fact]
    public async Task Health_names_no_filesystem_path()
    {
        using var client = fixture.Standalone.CreateClient();
        var body = await client.GetStringAsync("/health");

        Assert.Contains("\"status\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Folder, body, StringComparison.Ordinal);
        Assert.DoesNotContain("prism.db", body, StringComparison.Ordinal);
    }
}
