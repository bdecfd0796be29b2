using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;

namespace Prism.IntegrationTests.Security;

/// <summary>Token buckets per key and per IP (3 per second, bursts of 3): the request over the limit gets 429 with Retry-After.</summary>
public sealed class When_a_key_exceeds_its_rate_limit(RateLimitedIngestFactory factory) : IClassFixture<RateLimitedIngestFactory>
{
    private ITestHarness Harness => factory.Services.GetRequiredService<ITestHarness>();

    [Fact]
    public async Task The_request_over_the_limit_gets_429_with_Retry_After_and_publishes_nothing()
    {
        var (accepted, refused, elapsed) = await SendUntilRefusedAsync(TestKeys.SubmitA);

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("too-many-requests", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // The bucket holds a burst plus what refilled meanwhile; every accepted request was published, the refused one not.
        Assert.InRange(accepted, RateLimitedIngestFactory.Burst, RateLimitedIngestFactory.Burst * (1 + (int)Math.Ceiling(elapsed.TotalSeconds)));
        Assert.True(await Eventually.True(() => Harness.Published.Select<JobSubmitted>().Count(m => m.Context.Message.TenantId == TestKeys.TenantA) == accepted));
        refused.Dispose();
    }

    [Fact]
    public async Task Each_key_has_its_own_bucket()
    {
        var (_, refusedB, _) = await SendUntilRefusedAsync(TestKeys.SubmitB);
        Assert.NotNull(refusedB);
        refusedB.Dispose();

        // B's bucket is empty; the admin's is not.
        using var admin = await PostAsync(TestKeys.Admin);
        Assert.Equal(HttpStatusCode.Accepted, admin.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_key_are_limited_per_address_before_they_get_401()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            using var response = await PostAsync(apiKey: null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Health_and_metrics_are_never_limited()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 4 * RateLimitedIngestFactory.Burst; i++)
        {
            using var health = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
            using var metrics = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }
    }

    private async Task<(int Accepted, HttpResponseMessage? Refused, TimeSpan Elapsed)> SendUntilRefusedAsync(string apiKey)
    {
        var clock = Stopwatch.StartNew();
        var accepted = 0;
        for (var i = 0; i < 100; i++)
        {
            var response = await PostAsync(apiKey);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted++;
                response.Dispose();
                continue;
            }
            return (accepted, response, clock.Elapsed);
        }
        return (accepted, null, clock.Elapsed);
    }

    private async Task<HttpResponseMessage> PostAsync(string? apiKey)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pixels/entropy")
        {
            Content = new StringContent(HostileCorpus.ValidInput, Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
