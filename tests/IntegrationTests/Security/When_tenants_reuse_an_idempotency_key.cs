using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// Issue 14, row 1: an <c>Idempotency-Key</c> belongs to the tenant that sent it. Two tenants using the same key
/// each get their own job and read their own receipt, on Standalone's in-process key store and on the PostgreSQL one.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_tenants_reuse_an_idempotency_key(PostgresService postgres) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prism-idem-").FullName;

    [Fact]
    public async Task Each_tenant_gets_its_own_job_with_the_in_process_store()
    {
        await using var standalone = await StartAsync($"Data Source={Path.Combine(_directory, "prism.db")}");
        await EachTenantGetsItsOwnJobAsync(standalone);
    }

    [Fact]
    public async Task Each_tenant_gets_its_own_job_with_the_PostgreSQL_store()
    {
        await using var standalone = await StartAsync(await postgres.CreateDatabaseAsync());
        await EachTenantGetsItsOwnJobAsync(standalone);
    }

    private static async Task EachTenantGetsItsOwnJobAsync(ServiceProcess standalone)
    {
        const string Key = "invoice-1";
        var (a, aReplayed) = await SubmitAsync(standalone, TestKeys.SubmitA, Key, SecuredStandaloneFixture.SmallFrame);
        var (b, bReplayed) = await SubmitAsync(standalone, TestKeys.SubmitB, Key, SecuredStandaloneFixture.SmallFrame);

        Assert.False(aReplayed);
        Assert.False(bReplayed);
        Assert.NotEqual(a, b);
        Assert.Equal(TestKeys.TenantA, (await ReadAsync(standalone, TestKeys.SubmitA, a)).TenantId);
        Assert.Equal(TestKeys.TenantB, (await ReadAsync(standalone, TestKeys.SubmitB, b)).TenantId);

        // Within a tenant the key still means "the same request": A's retry replays A's job, B's retry B's.
        var (aAgain, aAgainReplayed) = await SubmitAsync(standalone, TestKeys.SubmitA, Key, SecuredStandaloneFixture.SmallFrame);
        var (bAgain, bAgainReplayed) = await SubmitAsync(standalone, TestKeys.SubmitB, Key, SecuredStandaloneFixture.SmallFrame);
        Assert.Equal((a, true), (aAgain, aAgainReplayed));
        Assert.Equal((b, true), (bAgain, bAgainReplayed));

        // Another tenant's different body is its own new job, not a 409 naming the first tenant's job.
        var (other, otherReplayed) = await SubmitAsync(standalone, TestKeys.SubmitB, "invoice-2", SecuredStandaloneFixture.SmallFrame);
        using var client = Client(standalone, TestKeys.SubmitA);
        using var request = Request("invoice-2", SecuredStandaloneFixture.SmallFrame.Replace("\"bins\":4", "\"bins\":2", StringComparison.Ordinal));
        using var response = await client.SendAsync(request);
        Assert.False(otherReplayed);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.DoesNotContain(other.ToString(), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<ServiceProcess> StartAsync(string results)
    {
        var environment = TestKeys.Settings("__");
        environment["ConnectionStrings__results"] = results;
        environment["Processor__Engine"] = "cpu";
        return await ServiceProcess.StartAsync("Standalone", environment);
    }

    private static async Task<(Guid JobId, bool Replayed)> SubmitAsync(ServiceProcess standalone, string apiKey, string key, string body)
    {
        using var client = Client(standalone, apiKey);
        using var request = Request(key, body);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JobReceipt>())!;
        return (receipt.JobId, response.Headers.Contains("Idempotent-Replayed"));
    }

    private static async Task<JobResultView> ReadAsync(ServiceProcess standalone, string apiKey, Guid jobId)
    {
        using var client = Client(standalone, apiKey);
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync($"/api/v1/results/{jobId}?waitSeconds=20");
            if (response.StatusCode == HttpStatusCode.OK) return (await response.Content.ReadFromJsonAsync<JobResultView>(PrismJson.Options))!;
            Assert.True(attempt < 3, $"The job {jobId} is {(int)response.StatusCode} for its own tenant.\n{standalone.OutputTail}");
        }
    }

    private static HttpRequestMessage Request(string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pixels/entropy") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static HttpClient Client(ServiceProcess standalone, string apiKey)
    {
        var client = standalone.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
