using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Infrastructure;
using Prism.ServiceDefaults.Http;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// The per-tenant quota on unfinished jobs (<c>Ingest:MaxQueuedJobsPerTenant</c>), with auth on and two tenants:
/// tenant A fills its quota and gets 429 with Retry-After (a batch counting each job) while tenant B still
/// submits; once A's jobs finish (here: cancelled), A submits again. Refused submissions queue nothing.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_a_tenant_fills_its_queued_job_quota(RabbitMqService rabbit, PostgresService postgres)
{
    private const int Quota = 3;

    // 5·10⁸ normal draws: seconds on the CPU engine, so Standalone's one compute slot holds A's jobs unfinished
    // for the few requests the test makes; they end by being cancelled.
    private const string LongJob = """{"weights":[1],"expectedReturns":[0.001],"covariance":[[0.0004]],"horizon":500,"paths":1000000}""";
    private const string TinyJob = """{"width":2,"height":2,"pixels":[0,1,2,3],"window":3,"bins":4}""";

    [Fact]
    public async Task On_Standalone_tenant_A_is_refused_past_its_quota_while_B_submits_and_A_submits_again_once_its_jobs_finish()
    {
        var directory = Directory.CreateTempSubdirectory("prism-quota-").FullName;
        try
        {
            var environment = Settings();
            environment["ConnectionStrings__results"] = $"Data Source={Path.Combine(directory, "prism.db")}";
            environment["Processor__MaxConcurrentJobs"] = "1";
            await using var standalone = await ServiceProcess.StartAsync("Standalone", environment);

            await RunAsync(standalone, standalone);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task On_RabbitMQ_and_PostgreSQL_tenant_A_is_refused_past_its_quota_while_B_submits_and_A_submits_again_once_its_jobs_finish()
    {
        rabbit.Require();
        postgres.Require();
        var environment = Settings();
        environment["ConnectionStrings__rabbitmq"] = await rabbit.CreateVirtualHostAsync();
        environment["ConnectionStrings__results"] = await postgres.CreateDatabaseAsync();
        // No processor: every job stays queued until it is cancelled.
        await using var results = await ServiceProcess.StartAsync("Results", environment);
        await using var ingest = await ServiceProcess.StartAsync("Ingest", environment);

        await RunAsync(ingest, results);
    }

    private static Dictionary<string, string> Settings()
    {
        var environment = TestKeys.Settings("__");
        environment["Ingest__MaxQueuedJobsPerTenant"] = Quota.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Processor__Engine"] = "cpu";
        return environment;
    }

    private static async Task RunAsync(ServiceProcess ingest, ServiceProcess results)
    {
        var ct = TestContext.Current.CancellationToken;
        using var a = Client(ingest, TestKeys.SubmitA);
        using var b = Client(ingest, TestKeys.SubmitB);
        using var aOnResults = Client(results, TestKeys.SubmitA);

        var first = await AcceptedAsync(await a.PostAsync("/api/v1/jobs/batch", Batch(2), ct));
        // Two unfinished and a quota of three: a batch of two does not fit, each of its jobs counts.
        await AssertQuotaFullAsync(await a.PostAsync("/api/v1/jobs/batch", Batch(2), ct), unfinished: 2, requested: 2);
        var third = await AcceptedAsync(await a.PostAsync("/api/v1/finance/risk", Json(LongJob), ct));
        await AssertQuotaFullAsync(await a.PostAsync("/api/v1/pixels/entropy", Json(TinyJob), ct), unfinished: Quota, requested: 1);

        using (var ofB = await b.PostAsync("/api/v1/pixels/entropy", Json(TinyJob), ct))
        {
            Assert.True(ofB.StatusCode == HttpStatusCode.Accepted, $"Tenant B was refused: {(int)ofB.StatusCode} {await ofB.Content.ReadAsStringAsync(ct)}");
        }

        var ofA = first.Concat(third).ToArray();
        foreach (var jobId in ofA)
        {
            using var cancel = await aOnResults.DeleteAsync($"/api/v1/jobs/{jobId}", ct);
            Assert.True(cancel.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"Cancelling {jobId}: {(int)cancel.StatusCode}");
        }
        foreach (var jobId in ofA) await WaitFinishedAsync(aOnResults, jobId);

        var again = await AcceptedAsync(await a.PostAsync("/api/v1/pixels/entropy", Json(TinyJob), ct));

        // The refused requests queued nothing: A has exactly the four accepted jobs.
        Assert.True(await PollAsync(async () => (await ListAsync(aOnResults)).Contains(again.Single())), "A's last job was never recorded.");
        Assert.Equal(ofA.Append(again.Single()).Order(), (await ListAsync(aOnResults)).Order());
    }

    private static async Task AssertQuotaFullAsync(HttpResponseMessage response, long unfinished, int requested)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"Expected 429, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta is { } delay && delay > TimeSpan.Zero, "No Retry-After.");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(ProblemTypes.QuotaExceeded, problem.GetProperty("type").GetString());
            Assert.Equal(Quota, problem.GetProperty("limit").GetInt32());
            Assert.Equal(unfinished, problem.GetProperty("unfinishedJobs").GetInt64());
            Assert.Equal(requested, problem.GetProperty("requested").GetInt32());
            Assert.Contains("Ingest:MaxQueuedJobsPerTenant", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    private static async Task<Guid[]> AcceptedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
            var json = JsonDocument.Parse(body).RootElement;
            return json.ValueKind == JsonValueKind.Array
                ? json.EnumerateArray().Select(r => r.GetProperty("jobId").GetGuid()).ToArray()
                : [json.GetProperty("jobId").GetGuid()];
        }
    }

    private static async Task WaitFinishedAsync(HttpClient results, Guid jobId)
    {
        var finished = await PollAsync(async () =>
        {
            using var response = await results.GetAsync($"/api/v1/results/{jobId}", TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK) return false;
            var view = await response.Content.ReadFromJsonAsync<JobResultView>(PrismJson.Options, TestContext.Current.CancellationToken);
            return JobStatus.IsTerminal(view!.Status);
        });
        Assert.True(finished, $"Job {jobId} did not finish after it was cancelled.");
    }

    private static async Task<Guid[]> ListAsync(HttpClient results)
    {
        var page = await results.GetFromJsonAsync<JobPage>("/api/v1/results?limit=200", PrismJson.Options, TestContext.Current.CancellationToken);
        return page!.Items.Select(j => j.JobId).ToArray();
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        return true;
    }

    private static StringContent Batch(int jobs) =>
        Json("[" + string.Join(',', Enumerable.Repeat($$"""{"kind":"finance.risk","input":{{LongJob}}}""", jobs)) + "]");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpClient Client(ServiceProcess service, string apiKey)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
