using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Prism.Cli;
using Prism.Client;
using Prism.ClientTests.Cli;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.ClientTests.Security;

/// <summary>
/// The SDK and the CLI against a Standalone with auth on, configured with a key that <c>prism keys new</c> made:
/// with the key they work, without it they say 401.
/// </summary>
public sealed class When_the_service_requires_an_api_key : IAsyncLifetime
{
    private string _key = "";
    private string _keyHash = "";
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-client-auth-").FullName;
    private readonly CliFiles _files = new();
    private ServiceProcess? _standalone;

    private Uri Url => _standalone!.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        var made = await CliRun.RunAsync(["keys", "new", "--name", "client-tests", "--role", "submit", "--tenant", "client-tests", "-o", "json"]);
        Assert.True(made.ExitCode == ExitCodes.Ok, made.ToString());
        using var output = JsonDocument.Parse(made.Stdout);
        _key = output.RootElement.GetProperty("key").GetString()!;
        _keyHash = output.RootElement.GetProperty("keyHash").GetString()!;
        var environment = output.RootElement.GetProperty("settings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        environment["Prism__Auth__Enabled"] = "true";
        environment["ConnectionStrings__results"] = $"Data Source={Path.Combine(_directory, "prism.db")}";
        environment["Processor__Engine"] = "cpu";
        _standalone = await ServiceProcess.StartAsync("Standalone", environment);
    }

    [Fact]
    public async Task Keys_new_prints_the_hash_the_server_needs_and_keys_hash_agrees()
    {
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_key))), _keyHash);
        Assert.InRange(_key.Length, 43, 43);

        var hashed = await CliRun.RunAsync(["keys", "hash"], stdin: _key + "\n");
        var noTenant = await CliRun.RunAsync(["keys", "new", "--name", "x", "--role", "read"]);

        Assert.True(hashed.ExitCode == ExitCodes.Ok, hashed.ToString());
        Assert.Equal(_keyHash, hashed.Stdout.Trim());
        Assert.Equal(ExitCodes.Usage, noTenant.ExitCode);
        Assert.Contains("--tenant", noTenant.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sdk_with_ApiKey_submits_and_reads_and_without_it_gets_401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        var client = new PrismClient(http, new PrismClientOptions { BaseUrl = Url, ApiKey = _key });
        var anonymous = new PrismClient(http, new PrismClientOptions { BaseUrl = Url });

        var receipt = await client.SubmitAsync(new PixelsEntropyInput { Width = 3, Height = 1, Pixels = [0, 0, 9], Window = 3, Bins = 2 }, cancellationToken: ct);
        var done = await client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal("client-tests", done.TenantId);
        var refused = await Assert.ThrowsAnyAsync<PrismApiException>(() => anonymous.GetResultAsync(receipt.JobId, ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("https://prism.dev/problems/unauthorized", refused.Type);
    }

    [Fact]
    public async Task The_cli_takes_the_key_from_PRISM_API_KEY_and_without_it_fails_naming_401()
    {
        var input = _files.Text("entropy.json", """{"width":3,"height":1,"pixels":[0,0,9],"window":3,"bins":2}""");
        string[] submit = ["submit", JobKinds.PixelsEntropy, "--input", input, "--wait", "--output", "json", "--url", Url.ToString()];

        var withKey = await CliRun.RunAsync(submit, new Dictionary<string, string?> { ["PRISM_API_KEY"] = _key });
        var withoutKey = await CliRun.RunAsync(submit);

        Assert.True(withKey.ExitCode == ExitCodes.Ok, withKey.ToString());
        using var job = JsonDocument.Parse(withKey.Stdout);
        Assert.Equal(JobStatus.Succeeded, job.RootElement.GetProperty("status").GetString());
        Assert.NotEqual(ExitCodes.Ok, withoutKey.ExitCode);
        Assert.Contains("401", withoutKey.ToString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _files.Dispose();
        if (_standalone is not null) await _standalone.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment after the kill.
        }
    }
}
