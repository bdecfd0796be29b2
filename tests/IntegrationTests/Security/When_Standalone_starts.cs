namespace Prism.IntegrationTests.Security;

/// <summary>What Standalone says about auth at start-up, and that a broken key configuration stops it.</summary>
[Collection(SecuredStandaloneCollection.Name)]
public sealed class When_Standalone_starts(SecuredStandaloneFixture secured)
{
    [Fact]
    public async Task Without_settings_auth_is_off_and_the_banner_says_so()
    {
        var directory = Directory.CreateTempSubdirectory("prism-auth-off-").FullName;
        try
        {
            await using var standalone = await ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
            {
                ["ConnectionStrings__results"] = $"Data Source={Path.Combine(directory, "prism.db")}",
                ["Processor__Engine"] = "cpu",
            });
            Assert.True(await Eventually.True(() => standalone.OutputTail.Contains("Auth:   OFF", StringComparison.Ordinal)), standalone.OutputTail);
            Assert.Contains("Prism__Auth__Enabled=true", standalone.OutputTail, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task With_auth_on_the_banner_says_so_and_names_no_key()
    {
        Assert.True(await Eventually.True(() => secured.Standalone.OutputTail.Contains("Auth:   ON", StringComparison.Ordinal)), secured.Standalone.OutputTail);
        foreach (var key in new[] { TestKeys.Admin, TestKeys.SubmitA, TestKeys.ReadA, TestKeys.SubmitB, TestKeys.Unknown })
        {
            Assert.DoesNotContain(key, secured.Standalone.OutputTail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Auth_on_without_keys_stops_the_process_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
        {
            ["Prism__Auth__Enabled"] = "true",
            ["Processor__Engine"] = "cpu",
        }));
        Assert.Contains("Prism:Auth:Keys is empty", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_key_hash_stops_the_process_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
        {
            ["Prism__Auth__Enabled"] = "true",
            ["Prism__Auth__Keys__0__Name"] = "ci",
            ["Prism__Auth__Keys__0__Role"] = "submit",
            ["Prism__Auth__Keys__0__Tenant"] = "t",
            ["Prism__Auth__Keys__0__KeyHash"] = "not-hex",
            ["Processor__Engine"] = "cpu",
        }));
        Assert.Contains("Prism:Auth:Keys:0:KeyHash must be 64 hex characters", failure.Message, StringComparison.Ordinal);
    }
}
