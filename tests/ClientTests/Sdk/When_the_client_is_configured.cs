using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prism.Client;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;
using Prism.Contracts.Validation;

namespace Prism.ClientTests.Sdk;

/// <summary>URLs, credentials, dependency injection and the input-type table.</summary>
public sealed class When_the_client_is_configured(StandaloneFixture standalone)
{
    [Fact]
    public async Task Submissions_go_to_the_ingest_url_and_reads_to_the_results_url_with_the_bearer_key()
    {
        using var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);
        // Two spellings of the same Standalone stand for compose's two services.
        var ingest = new Uri($"http://127.0.0.1:{standalone.Url.Port}");
        var results = new Uri($"http://localhost:{standalone.Url.Port}");
        var client = new PrismClient(http, new PrismClientOptions { BaseUrl = ingest, ResultsUrl = results, ApiKey = "k-123" });
        var ct = TestContext.Current.CancellationToken;

        var receipt = await client.SubmitAsync(new PixelsEntropyInput { Width = 1, Height = 1, Pixels = [1], Window = 3, Bins = 2 }, cancellationToken: ct);
        var job = await client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        var sent = recorder.Requests.ToArray();
        var post = Assert.Single(sent, r => r.Method == HttpMethod.Post);
        Assert.Equal(new Uri(ingest, "/api/v1/jobs"), post.Uri);
        Assert.All(sent.Where(r => r.Method == HttpMethod.Get), r =>
        {
            Assert.Equal("localhost", r.Uri.Host);
            Assert.Equal($"/api/v1/results/{receipt.JobId}", r.Uri.AbsolutePath);
            Assert.StartsWith("?waitSeconds=", r.Uri.Query, StringComparison.Ordinal);
        });
        Assert.All(sent, r => Assert.Equal("Bearer k-123", r.Authorization));
        Assert.Equal(ingest, client.IngestUrl);
    }

    [Fact]
    public async Task A_base_url_with_a_path_keeps_it_and_no_key_sends_no_credentials()
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, "[]", "application/json");
        using var http = new HttpClient(handler);
        var client = new PrismClient(http, new PrismClientOptions { BaseUrl = new Uri("https://gateway.test/prism") });

        var processors = await client.ListProcessorsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(processors);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://gateway.test/prism/api/v1/processors"), request.RequestUri);
        Assert.Null(request.Headers.Authorization);
    }

    [Fact]
    public async Task AddPrismClient_resolves_a_working_client_from_IHttpClientFactory()
    {
        var services = new ServiceCollection();
        services.AddPrismClient(o => o.BaseUrl = standalone.Url);
        await using var provider = services.BuildServiceProvider();
        var ct = TestContext.Current.CancellationToken;

        var client = provider.GetRequiredService<PrismClient>();
        var receipt = await client.SubmitAsync(new PixelsEntropyInput { Width = 2, Height = 1, Pixels = [0, 1], Window = 3, Bins = 2 }, cancellationToken: ct);
        var result = await client.WaitAsync<PixelsEntropyOutput>(receipt.JobId, TimeSpan.FromSeconds(60), ct);

        // Two pixels in two bins, each window sees both: 1 bit each.
        Assert.Equal([1f, 1f], result.Output!.EntropyMap);
        Assert.NotSame(client, provider.GetRequiredService<PrismClient>());
    }

    [Fact]
    public void AddPrismClient_without_a_url_fails_with_the_setting_named()
    {
        var services = new ServiceCollection();
        services.AddPrismClient(o => o.ApiKey = "k");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PrismClient>());
        Assert.Contains("BaseUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_catalog_input_type_maps_to_its_kind_and_other_types_are_refused()
    {
        Assert.Equal(JobKindCatalog.BuiltIn.All.Count, JobKindMap.All.Count);
        foreach (var kind in JobKindCatalog.BuiltIn.All)
        {
            Assert.Equal(kind.Name, JobKindMap.KindOf(kind.InputType));
        }
        Assert.Equal(JobKinds.PixelsEntropy, JobKindMap.KindOf<PixelsEntropyInput>());
        var ex = Assert.Throws<ArgumentException>(() => JobKindMap.KindOf<Uri>());
        Assert.Contains("SubmitAsync(kind, input)", ex.Message, StringComparison.Ordinal);
    }
}
