using System.Net;
using System.Net.Http.Headers;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// The hostile corpus and the seeded random bodies against Ingest with auth on: every request gets a
/// 4xx problem+json, nothing reaches the bus, and the service still answers its health check after.
/// </summary>
public sealed class When_hostile_requests_reach_Ingest(SecuredIngestFactory factory) : IClassFixture<SecuredIngestFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private ITestHarness Harness => factory.Services.GetRequiredService<ITestHarness>();

    public static TheoryData<string> Corpus => [.. HostileCorpus.Cases.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<int> RandomCases => [.. Enumerable.Range(0, HostileGenerator.Count)];

    [Fact]
    public void The_corpus_holds_at_least_150_requests() => Assert.InRange(HostileCorpus.Cases.Count, 150, int.MaxValue);

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_corpus_request_gets_a_4xx_problem_and_publishes_nothing(string name) =>
        await AssertRefusedAsync(HostileCorpus.Cases[name]);

    [Theory]
    [MemberData(nameof(RandomCases))]
    public async Task A_random_hostile_body_gets_a_4xx_problem_and_publishes_nothing(int number) =>
        await AssertRefusedAsync(HostileGenerator.Create(number));

    [Fact]
    public async Task A_valid_submission_on_the_same_service_is_still_accepted()
    {
        // The control case: the corpus is refused for what it is, not because the service refuses everything.
        using var response = await SendAsync(new HostileRequest("valid", "/api/v1/pixels/entropy", System.Text.Encoding.UTF8.GetBytes(HostileCorpus.ValidInput)) { ApiKey = TestKeys.Admin });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await Eventually.True(() => Harness.Published.Select<JobSubmitted>().Any()));
    }

    private async Task AssertRefusedAsync(HostileRequest request)
    {
        var ct = TestContext.Current.CancellationToken;
        var before = Harness.Published.Select<JobSubmitted>().Count();
        using var response = await SendAsync(request);
        var body = await response.Content.ReadAsStringAsync(ct);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{request.Name}: {(int)response.StatusCode} {body}");
        if (request.Status is { } status) Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":" + (int)response.StatusCode, body, StringComparison.Ordinal);

        // Tests of a class run one at a time, and the control case waits until its own job is seen: any new one is a leak.
        Assert.Equal(before, Harness.Published.Select<JobSubmitted>().Count());

        using var health = await _client.GetAsync("/health/live", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HostileRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Method != "GET")
        {
            HttpContent content = request.Chunked ? new StreamContent(new MemoryStream(request.Body)) : new ByteArrayContent(request.Body);
            if (request.ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            if (request.Chunked) message.Headers.TransferEncodingChunked = true;
            message.Content = content;
        }
        if (!string.IsNullOrEmpty(request.ApiKey)) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.ApiKey);
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        return await _client.SendAsync(message, TestContext.Current.CancellationToken);
    }
}
