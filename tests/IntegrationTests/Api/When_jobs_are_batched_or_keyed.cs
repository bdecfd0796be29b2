using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.IntegrationTests.Api;

public sealed class When_jobs_are_batched_or_keyed(IngestFactory factory) : IClassFixture<IngestFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private ITestHarness Harness => factory.Services.GetRequiredService<ITestHarness>();
    private int PublishedCount => Harness.Published.Select<JobSubmitted>().Count();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Item(int value, string kind = "pixels.entropy") =>
        $$$"""{"kind":"{{{kind}}}","input":{"width":2,"height":1,"pixels":[{{{value}}},{{{value + 1}}}],"window":3,"bins":2}}""";

    [Fact]
    public async Task A_valid_batch_is_queued_whole_with_one_receipt_per_job()
    {
        var before = PublishedCount;
        var response = await _client.PostAsync("/api/v1/jobs/batch", Json($"[{string.Join(',', Enumerable.Range(0, 25).Select(i => Item(i)))}]"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipts = (await response.Content.ReadFromJsonAsync<JobReceipt[]>())!;
        Assert.Equal(25, receipts.Length);
        Assert.Equal(25, receipts.Select(r => r.JobId).Distinct().Count());
        Assert.Equal(before + 25, PublishedCount);
        Assert.All(receipts, r => Assert.Contains(Harness.Published.Select<JobSubmitted>(), m => m.Context.Message.JobId == r.JobId));
    }

    [Fact]
    public async Task One_bad_item_rejects_the_whole_batch_naming_it_by_index()
    {
        var before = PublishedCount;
        var body = $$$"""[{{{Item(1)}}},{"kind":"pixels.entropy","input":{"width":2,"height":1,"pixels":[1]}},{{{Item(2)}}},{"kind":"pixels.blur","input":{}}]""";
        var response = await _client.PostAsync("/api/v1/jobs/batch", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["[1].input.pixels", "[3].kind"], fields.Order().ToList());
        Assert.Equal(before, PublishedCount);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    public async Task An_empty_or_non_array_batch_is_refused(string body)
    {
        var response = await _client.PostAsync("/api/v1/jobs/batch", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused()
    {
        var before = PublishedCount;
        var response = await _client.PostAsync("/api/v1/jobs/batch", Json($"[{string.Join(',', Enumerable.Repeat("""{"kind":"pixels.entropy","input":{}}""", 1001))}]"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, PublishedCount);
    }

    [Fact]
    public async Task The_same_key_sent_concurrently_creates_one_job()
    {
        var key = Guid.NewGuid().ToString();
        var before = PublishedCount;
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = Json(Item(7)) };
            request.Headers.Add("Idempotency-Key", key);
            return _client.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JobReceipt>())!.JobId));
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, PublishedCount);
        Assert.Equal(11, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_conflict()
    {
        var key = Guid.NewGuid().ToString();
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = Json(Item(1)) };
        first.Headers.Add("Idempotency-Key", key);
        Assert.Equal(HttpStatusCode.Accepted, (await _client.SendAsync(first)).StatusCode);
        var before = PublishedCount;

        var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = Json(Item(2)) };
        second.Headers.Add("Idempotency-Key", key);
        var response = await _client.SendAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, PublishedCount);
    }
}
