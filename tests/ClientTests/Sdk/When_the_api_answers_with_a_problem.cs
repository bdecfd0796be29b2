using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.ClientTests.Sdk;

/// <summary>Problem details become typed exceptions: from the real server where it can produce them, canned where it cannot.</summary>
public sealed class When_the_api_answers_with_a_problem(StandaloneFixture standalone)
{
    [Fact]
    public async Task An_invalid_input_throws_PrismValidationException_naming_every_field()
    {
        using var handle = standalone.CreateClient();

        var ex = await Assert.ThrowsAsync<PrismValidationException>(() => handle.Client.SubmitAsync(
            new PixelsEntropyInput { Width = 2, Height = 2, Pixels = [1, 2, 3], Window = 4 }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
        Assert.Equal("https://prism.dev/problems/validation", ex.Type);
        Assert.Equal(["input.pixels", "input.window"], ex.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("had 3", ex.Errors["input.pixels"].Single(), StringComparison.Ordinal);
        Assert.Contains("odd", ex.Errors["input.window"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kind_is_a_problem_of_type_unknown_kind()
    {
        using var handle = standalone.CreateClient();
        using var input = JsonDocument.Parse("""{"x":1}""");

        var ex = await Assert.ThrowsAnyAsync<PrismApiException>(() => handle.Client.SubmitAsync("pixels.nothing", input.RootElement, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
        Assert.Equal("https://prism.dev/problems/unknown-kind", ex.Type);
    }

    [Fact]
    public async Task An_unknown_job_is_404_not_found_and_waiting_for_it_gives_up_at_the_timeout()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var unknown = Guid.NewGuid();

        var get = await Assert.ThrowsAsync<PrismApiException>(() => handle.Client.GetResultAsync(unknown, ct));
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal("https://prism.dev/problems/not-found", get.Type);

        var stopwatch = Stopwatch.StartNew();
        var wait = await Assert.ThrowsAsync<PrismApiException>(() => handle.Client.WaitAsync(unknown, TimeSpan.FromSeconds(2), ct));
        Assert.Equal(HttpStatusCode.NotFound, wait.Status);
        Assert.InRange(stopwatch.Elapsed.TotalSeconds, 1.5, 20);
    }

    [Fact]
    public async Task A_503_with_Retry_After_throws_PrismUnavailableException_with_the_delay()
    {
        using var handler = new CannedHandler(HttpStatusCode.ServiceUnavailable,
            """{"type":"https://prism.dev/problems/unavailable","title":"The job queue is unavailable.","status":503,"detail":"Retry later."}""",
            decorate: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5)));
        using var http = new HttpClient(handler);
        var client = new PrismClient(http, new PrismClientOptions { BaseUrl = new Uri("http://prism.test") });

        var ex = await Assert.ThrowsAsync<PrismUnavailableException>(() => client.SubmitAsync(new PixelsEntropyInput { Width = 1, Height = 1, Pixels = [1] }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), ex.RetryAfter);
        Assert.Equal("https://prism.dev/problems/unavailable", ex.Type);
        Assert.Equal("Retry later.", ex.Detail);
    }

    [Fact]
    public async Task A_429_without_a_problem_body_is_unavailable_too_and_a_409_keeps_its_status()
    {
        using var busy = new CannedHandler(HttpStatusCode.TooManyRequests, "slow down", "text/plain");
        using var busyHttp = new HttpClient(busy);
        var tooMany = await Assert.ThrowsAsync<PrismUnavailableException>(() =>
            new PrismClient(busyHttp, new PrismClientOptions { BaseUrl = new Uri("http://prism.test") }).ListProcessorsAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.Status);
        Assert.Null(tooMany.RetryAfter);
        Assert.Equal("slow down", tooMany.Detail);

        using var finished = new CannedHandler(HttpStatusCode.Conflict, """{"type":"https://prism.dev/problems/conflict","title":"The job has already finished.","status":409}""");
        using var finishedHttp = new HttpClient(finished);
        var conflict = await Assert.ThrowsAsync<PrismApiException>(() =>
            new PrismClient(finishedHttp, new PrismClientOptions { BaseUrl = new Uri("http://prism.test") }).CancelAsync(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("The job has already finished.", conflict.Title);
        Assert.Equal(HttpMethod.Delete, finished.Requests.Single().Method);
    }

    [Fact]
    public async Task A_server_that_is_not_there_surfaces_as_HttpRequestException()
    {
        using var http = new HttpClient();
        var client = new PrismClient(http, new PrismClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}") });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResultAsync(Guid.NewGuid(), TestContext.Current.CancellationToken));
    }
}
