using System.Text.Json;
using Prism.Cli;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.ClientTests.Cli;

/// <summary><c>prism cancel</c> as a process: exit 4 when the job finished or never existed.</summary>
[Collection(QueueSensitive.Name)]
public sealed class When_cancelling_from_the_cli(StandaloneFixture standalone)
{
    private string Url => standalone.Url.ToString();

    [Fact]
    public async Task Cancel_exits_4_for_a_finished_or_unknown_job()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var done = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        Assert.Equal(JobStatus.Succeeded, (await handle.Client.WaitAsync(done.JobId, TimeSpan.FromSeconds(60), ct)).Status);

        var again = await CliRun.RunAsync(["cancel", done.JobId.ToString(), "--url", Url]);
        var unknown = await CliRun.RunAsync(["cancel", Guid.NewGuid().ToString(), "--url", Url]);
        Assert.True(again.ExitCode == ExitCodes.ApiError, again.ToString());
        Assert.Contains("already finished", again.Stderr, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == ExitCodes.ApiError, unknown.ToString());
        Assert.Contains("no job", unknown.Stderr, StringComparison.Ordinal);
    }
}
