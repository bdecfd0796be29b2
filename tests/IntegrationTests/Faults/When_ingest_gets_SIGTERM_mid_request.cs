using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.IntegrationTests.Faults.Rig;

namespace Prism.IntegrationTests.Faults;

/// <summary>
/// Graceful shutdown of Ingest: a submission whose body is still arriving when SIGTERM comes is read to
/// the end, published and answered 202 before the process exits; the job then runs as any other.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class When_ingest_gets_SIGTERM_mid_request(FaultRig rig)
{
    private const string Body = """{"kind":"pixels.entropy","input":{"width":2,"height":2,"pixels":[0,1,2,3],"window":3,"bins":4}}""";

    [Fact]
    public async Task The_request_in_flight_is_answered_and_its_job_runs()
    {
        rig.Require();
        await using var pipeline = await RunningPipeline.StartAsync(rig, processors: 1);
        using var ingest = pipeline.Ingest.CreateClient();
        using var content = new HalfNowHalfLaterContent(Encoding.UTF8.GetBytes(Body));
        var answer = ingest.PostAsync("/api/v1/jobs", content, TestContext.Current.CancellationToken);
        await content.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // SIGTERM while the server holds half a body; the rest follows once shutdown has begun.
        var exit = pipeline.Ingest.TerminateAsync(TimeSpan.FromSeconds(40));
        var shuttingDown = await Eventually.True(() => pipeline.Ingest.OutputTail.Contains("shutting down", StringComparison.OrdinalIgnoreCase), seconds: 10);
        content.SendTheRest();

        using var response = await answer;
        var exitCode = await exit;
        Assert.True(shuttingDown, $"Ingest never said it was shutting down.\n{pipeline.Ingest.OutputTail}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JobReceipt>(PrismJson.Options, TestContext.Current.CancellationToken);
        var row = await pipeline.Ledger.WaitJobAsync(receipt!.JobId, JobStatus.IsTerminal, TimeSpan.FromSeconds(60));
        Measurements.Report($"fault SIGTERM (Ingest): a submission half sent at the signal was answered {(int)response.StatusCode}; its job ended {row?.Status}; Ingest exit code {exitCode}");

        Assert.Equal(0, exitCode);
        Assert.Equal(JobStatus.Succeeded, row?.Status);
        Assert.Equal(1, row?.Completions);
    }

    /// <summary>A body with a Content-Length whose second half is written only when the test says so.</summary>
    private sealed class HalfNowHalfLaterContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HalfNowHalfLaterContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public Task FirstHalfSent => _firstHalfSent.Task;

        public void SendTheRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _bytes.Length / 2;
            await stream.WriteAsync(_bytes.AsMemory(0, half));
            await stream.FlushAsync();
            _firstHalfSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(_bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
