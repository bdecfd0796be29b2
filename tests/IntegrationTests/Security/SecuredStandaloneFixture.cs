using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Prism.Contracts.Api;

namespace Prism.IntegrationTests.Security;

[CollectionDefinition(Name)]
public sealed class SecuredStandaloneCollection : ICollectionFixture<SecuredStandaloneFixture>
{
    public const string Name = "Standalone with auth on";
}

/// <summary>
/// One Standalone process with auth on (the <see cref="TestKeys"/>, set through the environment as in a container)
/// and two finished jobs: one of tenant A, one of tenant B.
/// </summary>
public sealed class SecuredStandaloneFixture : IAsyncLifetime
{
    public const string SmallFrame = """{"width":4,"height":4,"pixels":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],"window":3,"bins":4}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("prism-secured-").FullName;
    private ServiceProcess? _standalone;

    public ServiceProcess Standalone => _standalone ?? throw new InvalidOperationException("Standalone has not started.");
    public Guid JobOfTenantA { get; private set; }
    public Guid JobOfTenantB { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var environment = TestKeys.Settings("__");
        environment["ConnectionStrings__results"] = $"Data Source={Path.Combine(_directory, "prism.db")}";
        environment["Processor__Engine"] = "cpu";
        // With auth on the banner is news, not a warning; the test processes log warnings only unless told.
        environment["Logging__LogLevel__Prism.Standalone.StartupBanner"] = "Information";
        _standalone = await ServiceProcess.StartAsync("Standalone", environment);
        JobOfTenantA = await SubmitAsync(TestKeys.SubmitA);
        JobOfTenantB = await SubmitAsync(TestKeys.SubmitB);
        await WaitFinishedAsync(JobOfTenantA);
        await WaitFinishedAsync(JobOfTenantB);
    }

    public HttpClient Client(string? apiKey)
    {
        var client = Standalone.CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async Task<Guid> SubmitAsync(string apiKey)
    {
        using var client = Client(apiKey);
        using var response = await client.PostAsync("/api/v1/pixels/entropy", new StringContent(SmallFrame, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JobReceipt>())!.JobId;
    }

    public async Task<JobResultView> WaitFinishedAsync(Guid jobId)
    {
        using var client = Client(TestKeys.Admin);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync($"/api/v1/results/{jobId}?waitSeconds=20");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var view = (await response.Content.ReadFromJsonAsync<JobResultView>(Contracts.PrismJson.Options))!;
                if (Contracts.JobStatus.IsTerminal(view.Status)) return view;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} did not finish: {(int)response.StatusCode}.\n{Standalone.OutputTail}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_standalone is not null) await _standalone.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
