using System.Text.Json;
using Prism.Cli;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.ClientTests.Cli;

/// <summary><c>prism cancel</c> as a process: exit 0 with the receipt, 4 when the job finished or never existed.</summary>
[Collection(QueueSensitive.Name)]
public sealed class When_cancelling_from_the_cli(StandaloneFixture standalone)
{
    private string Url => standalone.Url.ToString();

    [Fact]
    public async Task Cancel_exits_0_for_a_job_not_yet_finished_and_4_for_a_finished_or_unknown_one()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var (jobId, cancel, final) = await Jobs.CancelWhileUnfinishedAsync(handle.Client, seed: 20,
            id => CliRun.RunAsync(["cancel", id.ToString(), "-o", "json", "--url", Url]), run => run?.ExitCode == ExitCodes.Ok, ct);

        Assert.True(cancel?.ExitCode == ExitCodes.Ok, cancel?.ToString());
        var receipt = JsonSerializer.Deserialize<CancelReceipt>(cancel!.Stdout, Prism.Client.PrismClient.JsonOptions)!;
        Assert.Equal(jobId, receipt.JobId);
        Assert.True(final.Status == JobStatus.Cancelled, $"ended {final.Status}: {await Jobs.HistoryAsync(handle.Client, jobId, ct)}");

        var again = await CliRun.RunAsync(["cancel", jobId.ToString(), "--url", Url]);
        var unknown = await CliRun.RunAsync(["cancel", Guid.NewGuid().ToString(), "--url", Url]);
        Assert.True(again.ExitCode == ExitCodes.ApiError, again.ToString());
        Assert.Contains("already finished", again.Stderr, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == ExitCodes.ApiError, unknown.ToString());
        Assert.Contains("no job", unknown.Stderr, StringComparison.Ordinal);
    }
}
