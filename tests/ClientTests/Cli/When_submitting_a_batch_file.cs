using System.Globalization;
using System.Text;
using System.Text.Json;
using Prism.Cli;
using Prism.Cli.Batch;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;

namespace Prism.ClientTests.Cli;

/// <summary><c>prism submit-batch</c> as a process against Standalone: counts by kind, failures by line, exit codes.</summary>
[Collection(QueueSensitive.Name)]
public sealed class When_submitting_a_batch_file(StandaloneFixture standalone) : IDisposable
{
    private readonly CliFiles _files = new();

    [Fact]
    public async Task A_thousand_jobs_of_three_kinds_finish_with_an_exact_summary()
    {
        // 400 entropy, 300 segment, 290 forecasts that fit and 10 constant series that fail with singular_fit.
        var lines = new StringBuilder();
        var failing = new List<int>();
        for (var i = 0; i < 1000; i++)
        {
            lines.AppendLine(i switch
            {
                < 400 => $$$"""{"kind":"pixels.entropy","input":{"width":2,"height":1,"pixels":[{{{i}}},{{{i + 1}}}],"window":3,"bins":2}}""",
                < 700 => $$$"""{"kind":"pixels.segment","input":{"width":3,"height":1,"pixels":[9,0,{{{i % 10}}}],"threshold":5},"priority":3}""",
                < 990 => $$$"""{"kind":"timeseries.forecast","input":{"series":[[1,2,1.5,2.5,1.8,2.2,1.9,{{{(2 + i / 1000.0).ToString(CultureInfo.InvariantCulture)}}}]],"order":1,"horizon":2}}""",
                _ => """{"kind":"timeseries.forecast","input":{"series":[[5,5,5,5,5,5]],"order":1,"horizon":2}}""",
            });
            if (i >= 990) failing.Add(i + 1);
        }
        var file = _files.Text("jobs.jsonl", lines.ToString());

        var run = await CliRun.RunAsync(["submit-batch", file, "--output", "json", "--url", standalone.Url.ToString()], timeout: TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == ExitCodes.JobFailed, run.ToString());
        var summary = JsonSerializer.Deserialize<BatchSummary>(run.Stdout, Prism.Client.PrismClient.JsonOptions)!;
        Assert.Equal(1000, summary.Submitted);
        Assert.Equal(990, summary.Succeeded);
        Assert.Equal(10, summary.Failed);
        Assert.Equal(0, summary.Cancelled);
        Assert.Equal(0, summary.Unfinished);
        Assert.Equal([JobKinds.PixelsEntropy, JobKinds.PixelsSegment, JobKinds.TimeseriesForecast], summary.Kinds.Select(k => k.Kind));
        Assert.Equal([400, 300, 300], summary.Kinds.Select(k => k.Submitted));
        Assert.Equal([400, 300, 290], summary.Kinds.Select(k => k.Succeeded));
        Assert.Equal([0, 0, 10], summary.Kinds.Select(k => k.Failed));
        Assert.Equal(failing, summary.Failures.Select(f => f.Line));
        Assert.All(summary.Failures, f => Assert.Equal(ErrorCodes.SingularFit, f.ErrorCode));
        Assert.True(summary.JobsPerSecond > 0);
        Assert.Contains("prism: finished 1000/1000", run.Stderr, StringComparison.Ordinal);
        Measurements.Report($"prism submit-batch on Standalone: 1000 jobs (3 kinds, tiny inputs) in {summary.Seconds:F2} s = {summary.JobsPerSecond:F1} jobs/s");
    }

    [Fact]
    public async Task A_batch_that_all_succeeds_prints_a_plain_summary_table_and_exits_0()
    {
        var file = _files.Text("ok.jsonl", string.Join('\n', Enumerable.Range(0, 12).Select(i =>
            $$$"""{"kind":"pixels.entropy","input":{"width":1,"height":1,"pixels":[{{{i}}}]}}""")));

        var run = await CliRun.RunAsync(["submit-batch", file, "--chunk-size", "5", "--url", standalone.Url.ToString()]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.Matches(@"\| pixels\.entropy\s+\| 12\s+\| 12\s+\| 0\s+\| 0\s+\| 0\s+\|", run.Stdout);
        Assert.Matches(@"\| total\s+\| 12\s+\| 12\s+\| 0\s+\| 0\s+\| 0\s+\|", run.Stdout);
        Assert.Matches(@"12 jobs finished in [0-9.]+ s = [0-9.]+ jobs/s", run.Stdout);
    }

    [Fact]
    public async Task A_line_the_api_rejects_is_named_by_its_line_number_and_exits_2()
    {
        // The CLI cannot check a kind it does not know; the API rejects the batch and names item [1], which is line 3.
        var file = _files.Text("unknown.jsonl", string.Join('\n',
            """{"kind":"pixels.entropy","input":{"width":1,"height":1,"pixels":[1]}}""",
            "",
            """{"kind":"pixels.nothing","input":{"x":1}}"""));

        var run = await CliRun.RunAsync(["submit-batch", file, "--url", standalone.Url.ToString()]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("line 3: kind: 'pixels.nothing' is not a known kind.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("0 job(s) before them were submitted", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
