using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.IntegrationTests.Api;

public sealed class When_a_job_is_submitted(IngestFactory factory) : IClassFixture<IngestFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private ITestHarness Harness => factory.Services.GetRequiredService<ITestHarness>();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private const string ValidInput = """{"width":3,"height":2,"pixels":[1,2,3,4,5,6],"window":3,"bins":4}""";

    [Fact]
    public async Task It_publishes_JobSubmitted_and_answers_202_with_the_receipt()
    {
        var response = await _client.PostAsync("/api/v1/jobs", Json($$"""{"kind":"pixels.entropy","input":{{ValidInput}},"priority":7,"deadlineSeconds":60}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JobReceipt>(TestContext.Current.CancellationToken))!;
        Assert.Equal(JobKinds.PixelsEntropy, receipt.Kind);
        Assert.Equal(JobStatus.Queued, receipt.Status);
        Assert.Equal($"/api/v1/results/{receipt.JobId}", response.Headers.Location!.ToString());
        Assert.Equal($"/api/v1/events?jobId={receipt.JobId}", receipt.Links.Events);

        var published = Harness.Published.Select<JobSubmitted>().Single(m => m.Context.Message.JobId == receipt.JobId).Context.Message;
        Assert.Equal(JobKinds.PixelsEntropy, published.Kind);
        Assert.Equal(7, published.Priority);
        Assert.NotNull(published.Deadline);
        Assert.InRange((published.Deadline!.Value - published.SubmittedAt).TotalSeconds, 59.9, 60.1);
        Assert.Equal(6, published.Input.GetProperty("pixels").GetArrayLength());
    }

    [Fact]
    public async Task The_domain_alias_takes_the_input_as_the_body()
    {
        var response = await _client.PostAsync("/api/v1/pixels/entropy", Json(ValidInput), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JobReceipt>(TestContext.Current.CancellationToken))!;
        Assert.Contains(Harness.Published.Select<JobSubmitted>(), m => m.Context.Message.JobId == receipt.JobId && m.Context.Message.Kind == JobKinds.PixelsEntropy);
    }

    public static TheoryData<string, string, HttpStatusCode, string?> BadRequests => new()
    {
        { "/api/v1/jobs", "{", HttpStatusCode.BadRequest, "body" },
        { "/api/v1/jobs", "[]", HttpStatusCode.BadRequest, "body" },
        { "/api/v1/jobs", """{"kind":"pixels.entropy"}""", HttpStatusCode.BadRequest, "input" },
        { "/api/v1/jobs", """{"input":{}}""", HttpStatusCode.BadRequest, "kind" },
        { "/api/v1/jobs", """{"kind":42,"input":{}}""", HttpStatusCode.BadRequest, "kind" },
        { "/api/v1/jobs", """{"kind":"pixels.blur","input":{}}""", HttpStatusCode.BadRequest, "kind" },
        { "/api/v1/jobs", $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"priority":10}""", HttpStatusCode.BadRequest, "priority" },
        { "/api/v1/jobs", $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"priority":"high"}""", HttpStatusCode.BadRequest, "priority" },
        { "/api/v1/jobs", $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"deadlineSeconds":0}""", HttpStatusCode.BadRequest, "deadlineSeconds" },
        { "/api/v1/jobs", $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"tenant":"x"}""", HttpStatusCode.BadRequest, "tenant" },
        { "/api/v1/jobs", """{"kind":"pixels.entropy","input":{"width":3,"height":2,"pixels":[1,2,3]}}""", HttpStatusCode.BadRequest, "input.pixels" },
        { "/api/v1/pixels/entropy", """{"width":3,"height":2,"pixels":[1,2,3,4,5,6],"window":2}""", HttpStatusCode.BadRequest, "input.window" },
        { "/api/v1/pixels/entropy", """{"width":3,"height":2,"pixels":[1,2,3,4,5,6],"bins":300}""", HttpStatusCode.BadRequest, "input.bins" },
        { "/api/v1/pixels/entropy", """{"width":-3,"height":2,"pixels":[]}""", HttpStatusCode.BadRequest, "input.width" },
        { "/api/v1/pixels/entropy", """{"width":1,"height":1,"pixels":[NaN]}""", HttpStatusCode.BadRequest, "body" },
        { "/api/v1/pixels/entropy", """{"width":1,"height":1,"pixels":[1e999]}""", HttpStatusCode.BadRequest, "input.pixels[0]" },
        { "/api/v1/pixels/entropy", new string('[', 40) + new string(']', 40), HttpStatusCode.BadRequest, "body" },
        { "/api/v1/pixels/entropy", "\"just a string\"", HttpStatusCode.BadRequest, "input" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_publishes_nothing(string path, string body, HttpStatusCode status, string? field)
    {
        var before = Harness.Published.Select<JobSubmitted>().Count();

        var response = await _client.PostAsync(path, Json(body), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        if (field is not null)
        {
            var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
            Assert.Contains(field, errors);
        }
        Assert.Equal(before, Harness.Published.Select<JobSubmitted>().Count());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_and_publishes_nothing()
    {
        var before = Harness.Published.Select<JobSubmitted>().Count();
        var response = await _client.PostAsync("/api/v1/jobs", new StringContent(ValidInput, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, Harness.Published.Select<JobSubmitted>().Count());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_publishes_nothing()
    {
        var before = Harness.Published.Select<JobSubmitted>().Count();
        var pixels = string.Join(',', Enumerable.Repeat("65535", IngestFactory.MaxBodyBytes / 5));
        var response = await _client.PostAsync("/api/v1/pixels/entropy", Json($$"""{"width":1,"height":1,"pixels":[{{pixels}}]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, Harness.Published.Select<JobSubmitted>().Count());
    }
}
