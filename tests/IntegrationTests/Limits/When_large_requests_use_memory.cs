using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.Limits;

/// <summary>
/// Issue 14, row 5: memory per request is a small multiple of the request's size, and a process-wide budget for
/// large bodies turns the request that would exceed it into 503 + Retry-After. Peaks are the process's own RSS high
/// water mark (Linux), reset just before the requests; they are printed as measurements, with their limits asserted.
/// </summary>
[Collection(BrokerAndDatabase.Name)]
public sealed class When_large_requests_use_memory(RabbitMqService rabbit) : IDisposable
{
    /// <summary>
    /// Peak extra RSS of one maximum submission, in multiples of its body: the parsed document's index (about twice
    /// a frame of numbers), the typed input, and the serialized message remain (6.9x before issue 14, 5.3-6.4x after).
    /// </summary>
    private const double SubmissionLimit = 8;

    /// <summary>Peak extra RSS of ten concurrent reads of one result, in multiples of ten results.</summary>
    private const double ReadLimit = 2;

    private const long MiB = 1024 * 1024;

    private readonly string _directory = Directory.CreateTempSubdirectory("prism-memory-").FullName;

    [Fact]
    public async Task A_maximum_submission_costs_a_small_multiple_of_its_size()
    {
        Assert.SkipUnless(ProcessMemory.Supported, "Reads /proc.");
        var body = MaximumFrame(window: 63);
        // Over RabbitMQ, as deployed: the request's cost includes serializing and publishing the message.
        await using var ingest = await ServiceProcess.StartAsync("Ingest", new Dictionary<string, string>
        {
            ["ConnectionStrings__rabbitmq"] = await rabbit.CreateVirtualHostAsync(),
        });
        using var client = ingest.CreateClient();
        await SubmitAsync(client, MaximumFrame(window: 61));
        await Task.Delay(2000);

        var baseline = ProcessMemory.ResetPeak(ingest.Id);
        await SubmitAsync(client, body);
        var extra = ProcessMemory.PeakBytes(ingest.Id) - baseline;

        var multiple = (double)extra / body.Length;
        Measurements.Report($"memory: one {body.Length / (double)MiB:F1} MiB pixels.entropy submission (2048x2048) on Ingest over RabbitMQ: peak extra RSS {extra / (double)MiB:F0} MiB = {multiple:F1}x the body (limit {SubmissionLimit}x)");
        Assert.True(multiple <= SubmissionLimit, $"A submission of {body.Length} bytes raised RSS by {extra} bytes ({multiple:F1}x, limit {SubmissionLimit}x).");
    }

    [Fact]
    public async Task Ten_concurrent_reads_of_a_large_result_cost_a_small_multiple_of_its_size()
    {
        Assert.SkipUnless(ProcessMemory.Supported, "Reads /proc.");
        await using var standalone = await ServiceProcess.StartAsync("Standalone", new Dictionary<string, string>
        {
            ["ConnectionStrings__results"] = $"Data Source={Path.Combine(_directory, "prism.db")}",
            ["Processor__Engine"] = "cpu",
        });
        using var client = standalone.CreateClient();
        var jobId = await SubmitAsync(client, MaximumFrame(window: 3));
        var size = await ReadAsync(client, jobId, wait: true);
        await Task.Delay(3000);

        var baseline = ProcessMemory.ResetPeak(standalone.Id);
        var sizes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ReadAsync(client, jobId, wait: false)));
        var extra = ProcessMemory.PeakBytes(standalone.Id) - baseline;

        Assert.All(sizes, s => Assert.Equal(size, s));
        var multiple = (double)extra / (10 * size);
        Measurements.Report($"memory: ten concurrent GETs of a {size / (double)MiB:F1} MiB result on Standalone: peak extra RSS {extra / (double)MiB:F0} MiB = {multiple:F2}x the ten responses (limit {ReadLimit}x)");
        Assert.True(multiple <= ReadLimit, $"Ten reads of {size} bytes raised RSS by {extra} bytes ({multiple:F2}x, limit {ReadLimit}x).");
    }

    [Fact]
    public async Task Bodies_past_the_budget_get_503_with_Retry_After()
    {
        // A budget of two maximum bodies: two slow uploads hold it, the third large request is refused at once.
        const long Max = 32 * MiB;
        await using var ingest = await ServiceProcess.StartAsync("Ingest", new Dictionary<string, string>
        {
            ["Ingest__MaxBufferedBodyBytes"] = (2 * Max).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var slow1 = await StartUploadAsync(ingest, Max);
        using var slow2 = await StartUploadAsync(ingest, Max);
        await Task.Delay(500);

        using var client = ingest.CreateClient();
        client.DefaultRequestHeaders.ExpectContinue = true;
        using var refused = await client.PostAsync("/api/v1/pixels/entropy", Json(new string(' ', (int)(4 * MiB)) + SmallFrame));
        using var small = await client.PostAsync("/api/v1/pixels/entropy", Json(SmallFrame));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After.");
        Assert.Contains("overloaded", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Small bodies are not held up by large ones.
        Assert.Equal(HttpStatusCode.Accepted, small.StatusCode);
    }

    private const string SmallFrame = """{"width":4,"height":4,"pixels":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],"window":3,"bins":4}""";

    /// <summary>Opens a POST declaring <paramref name="length"/> bytes and sends only its first MiB, holding the request open.</summary>
    private static async Task<TcpClient> StartUploadAsync(ServiceProcess service, long length)
    {
        var socket = new TcpClient();
        await socket.ConnectAsync(service.BaseAddress.Host, service.BaseAddress.Port);
        var head = $"POST /api/v1/pixels/entropy HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n";
        await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head + new string(' ', (int)MiB)));
        return socket;
    }

    /// <summary>A 2048×2048 frame of random 16-bit pixels: about 24 MB of JSON, the largest frame the limits allow.</summary>
    private static byte[] MaximumFrame(int window)
    {
        var random = new Random(14);
        var json = new StringBuilder(26 * (int)MiB);
        json.Append("{\"width\":2048,\"height\":2048,\"window\":").Append(window).Append(",\"bins\":16,\"pixels\":[");
        for (var i = 0; i < 2048 * 2048; i++)
        {
            if (i > 0) json.Append(',');
            json.Append(random.Next(0, 65536));
        }
        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static ByteArrayContent Json(string body) => Json(Encoding.UTF8.GetBytes(body));

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private static async Task<Guid> SubmitAsync(HttpClient client, byte[] body)
    {
        using var response = await client.PostAsync("/api/v1/pixels/entropy", Json(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JobReceipt>())!.JobId;
    }

    /// <summary>Reads the job's result to the end, counting its bytes without keeping them; with <paramref name="wait"/>, until it succeeded.</summary>
    private static async Task<long> ReadAsync(HttpClient client, Guid jobId, bool wait)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var response = await client.GetAsync($"/api/v1/results/{jobId}?waitSeconds={(wait ? 30 : 0)}", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            long total = 0;
            var head = new StringBuilder();
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                if (head.Length < 400) head.Append(Encoding.UTF8.GetString(buffer, 0, Math.Min(read, 400)));
                total += read;
            }
            if (!wait || head.ToString().Contains($"\"status\":\"{JobStatus.Succeeded}\"", StringComparison.Ordinal)) return total;
            Assert.True(DateTime.UtcNow < deadline, $"The job did not succeed: {head}");
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
