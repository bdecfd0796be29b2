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
    public async Task Cancel_exits_0_for_a_queued_job_and_4_for_a_finished_or_unknown_one()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var blockers = await Jobs.OccupyAsync(handle.Client, seed: 20, ct);
        var slow = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        Assert.Equal(JobStatus.Queued, (await Jobs.RecordedAsync(handle.Client, slow.JobId, ct)).Status);

        var cancel = await CliRun.RunAsync(["cancel", slow.JobId.ToString(), "-o", "json", "--url", Url]);
        await Jobs.CancelQuietlyAsync(handle.Client, blockers);

        Assert.True(cancel.ExitCode == ExitCodes.Ok, cancel.ToString());
        var receipt = JsonSerializer.Deserialize<CancelReceipt>(cancel.Stdout, Prism.Client.PrismClient.JsonOptions)!;
        Assert.Equal(slow.JobId, receipt.JobId);
        Assert.Equal(JobStatus.Cancelled, (await handle.Client.WaitAsync(slow.JobId, TimeSpan.FromSeconds(60), ct)).Status);

        var again = await CliRun.RunAsync(["cancel", slow.JobId.ToString(), "--url", Url]);
        var unknown = await CliRun.RunAsync(["cancel", Guid.NewGuid().ToString(), "--url", Url]);
        Assert.True(again.ExitCode == ExitCodes.ApiError, again.ToString());
        Assert.Contains("already finished", again.Stderr, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == ExitCodes.ApiError, unknown.ToString());
        Assert.Contains("no job", unknown.Stderr, StringComparison.Ordinal);
    }
}
