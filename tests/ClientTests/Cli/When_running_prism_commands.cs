using System.Text.Json;
using Prism.Cli;
using Prism.ClientTests.Infrastructure;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;

namespace Prism.ClientTests.Cli;

/// <summary>The built CLI as a process against a real Standalone: output, JSON and exit codes.</summary>
public sealed class When_running_prism_commands(StandaloneFixture standalone) : IDisposable
{
    private const string EntropyOf009 = """{"width":3,"height":1,"pixels":[0,0,9],"window":3,"bins":2}""";
    private const string ConstantSeries = """{"series":[[5,5,5,5,5,5]],"order":1,"horizon":2}""";
    private readonly CliFiles _files = new();

    private string Url => standalone.Url.ToString();

    [Fact]
    public async Task Submit_with_wait_prints_the_finished_job_as_json_and_exits_0()
    {
        var input = _files.Text("entropy.json", EntropyOf009);

        var run = await CliRun.RunAsync(["submit", JobKinds.PixelsEntropy, "--input", input, "--wait", "--output", "json", "--url", Url]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var job = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JobStatus.Succeeded, job.RootElement.GetProperty("status").GetString());
        Assert.Equal(JobKinds.PixelsEntropy, job.RootElement.GetProperty("kind").GetString());
        var h = -(2.0 / 3 * Math.Log2(2.0 / 3) + 1.0 / 3 * Math.Log2(1.0 / 3));
        Assert.Equal(h, job.RootElement.GetProperty("result").GetProperty("globalEntropy").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task A_job_that_fails_exits_1_with_its_error_code()
    {
        var input = _files.Text("constant.json", ConstantSeries);

        var run = await CliRun.RunAsync(["submit", JobKinds.TimeseriesForecast, "-i", input, "--wait", "-o", "json", "--url", Url]);

        Assert.True(run.ExitCode == ExitCodes.JobFailed, run.ToString());
        var job = JsonSerializer.Deserialize<JobResultView>(run.Stdout, Prism.Client.PrismClient.JsonOptions)!;
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(ErrorCodes.SingularFit, job.Error!.Code);
    }

    [Fact]
    public async Task Submit_reads_PRISM_URL_and_get_waits_for_the_result_as_a_plain_table()
    {
        var input = _files.Text("segment.json", """{"width":4,"height":3,"pixels":[9,9,0,0,0,0,0,7,0,0,0,7],"threshold":5}""");
        var environment = new Dictionary<string, string?> { ["PRISM_URL"] = Url };

        var submit = await CliRun.RunAsync(["submit", JobKinds.PixelsSegment, "-i", input, "-o", "json"], environment);
        Assert.True(submit.ExitCode == ExitCodes.Ok, submit.ToString());
        var receipt = JsonSerializer.Deserialize<JobReceipt>(submit.Stdout, Prism.Client.PrismClient.JsonOptions)!;
        Assert.Equal(JobStatus.Queued, receipt.Status);

        var get = await CliRun.RunAsync(["get", receipt.JobId.ToString(), "--wait", "30"], environment);

        Assert.True(get.ExitCode == ExitCodes.Ok, get.ToString());
        Assert.DoesNotContain('\u001b', get.Stdout);
        Assert.Matches(@"\| status\s+\| succeeded\s+\|", get.Stdout);
        Assert.Matches(@"\| result\.objectCount\s+\| 2\s+\|", get.Stdout);
        Assert.Contains(receipt.JobId.ToString(), get.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_input_exits_2_naming_the_fields()
    {
        var input = _files.Text("bad.json", """{"width":2,"height":2,"pixels":[1,2,3],"window":4}""");

        var run = await CliRun.RunAsync(["submit", JobKinds.PixelsEntropy, "-i", input, "--url", Url]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("input.pixels: must hold width × height = 4 values (had 3).", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("input.window: must be odd (was 4).", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("get not-a-guid")]
    [InlineData("submit pixels.entropy")]
    [InlineData("frobnicate")]
    [InlineData("")]
    [InlineData("get 00000000-0000-0000-0000-000000000001 --output yaml")]
    public async Task A_command_line_that_does_not_parse_exits_2_with_usage_on_stderr(string commandLine)
    {
        var run = await CliRun.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("prism --help", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_exits_2()
    {
        var run = await CliRun.RunAsync(["submit", JobKinds.PixelsEntropy, "-i", "/nonexistent/input.json", "--url", Url]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("cannot read /nonexistent/input.json", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_job_exits_4_and_an_unreachable_server_exits_3()
    {
        var unknown = await CliRun.RunAsync(["get", Guid.NewGuid().ToString(), "--url", Url]);
        var unreachable = await CliRun.RunAsync(["processors", "--url", $"http://127.0.0.1:{ServiceProcess.FreePort()}"]);

        Assert.True(unknown.ExitCode == ExitCodes.ApiError, unknown.ToString());
        Assert.Contains("404", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(unreachable.ExitCode == ExitCodes.Unreachable, unreachable.ToString());
        Assert.Contains("cannot reach", unreachable.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processors_and_health_print_what_the_api_serves_for_every_domain()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var processors = await CliRun.RunAsync(["processors", "-o", "json", "--url", Url]);
        var processorsTable = await CliRun.RunAsync(["processors", "--url", Url]);
        var health = await CliRun.RunAsync(["health", "-o", "json", "--url", Url]);
        var healthTable = await CliRun.RunAsync(["health", "--url", Url]);
        var pixels = await handle.Client.GetDomainHealthAsync("pixels", ct);

        Assert.True(processors.ExitCode == ExitCodes.Ok, processors.ToString());
        var list = JsonSerializer.Deserialize<ProcessorView[]>(processors.Stdout, Prism.Client.PrismClient.JsonOptions)!;
        Assert.All(list, p => Assert.Contains(p.ProcessorId, processorsTable.Stdout, StringComparison.Ordinal));
        if (list.Length == 0) Assert.Contains("no live processor", processorsTable.Stdout, StringComparison.Ordinal);

        Assert.True(health.ExitCode == ExitCodes.Ok, health.ToString());
        var domains = JsonSerializer.Deserialize<DomainHealthView[]>(health.Stdout, Prism.Client.PrismClient.JsonOptions)!;
        Assert.Equal(JobKindCatalog.BuiltIn.ByDomain.Keys.Order(StringComparer.Ordinal), domains.Select(d => d.Domain));
        Assert.All(domains, d => Assert.Equal(JobKindCatalog.BuiltIn.ByDomain[d.Domain], d.Kinds));
        Assert.Equal(pixels.Status, domains.Single(d => d.Domain == "pixels").Status);
        Assert.Matches($@"\| pixels\s+\| {pixels.Status}\s+\| {pixels.Processors}\s+\|", healthTable.Stdout);
        Assert.Equal(JobKindCatalog.BuiltIn.ByDomain.Count, healthTable.Stdout.Split('\n').Count(l => JobKindCatalog.BuiltIn.ByDomain.Keys.Any(k => l.StartsWith($"| {k} ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Watch_follows_one_job_to_its_end_as_json_lines_and_exits_by_its_outcome()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var ok = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        var failing = await handle.Client.SubmitAsync(JobKinds.TimeseriesForecast, JsonDocument.Parse(ConstantSeries).RootElement, cancellationToken: ct);

        var watchOk = await CliRun.RunAsync(["watch", "--job", ok.JobId.ToString(), "-o", "json", "--url", Url]);
        var watchFailing = await CliRun.RunAsync(["watch", "--job", failing.JobId.ToString(), "-o", "json", "--url", Url]);

        Assert.True(watchOk.ExitCode == ExitCodes.Ok, watchOk.ToString());
        var events = Lines(watchOk.Stdout).Select(l => JsonSerializer.Deserialize<JobEvent>(l, Prism.Client.PrismClient.JsonOptions)!).ToArray();
        Jobs.AssertLifecycle(events, JobEventTypes.Completed);
        Assert.Equal(ok.JobId, events[0].JobId);

        Assert.True(watchFailing.ExitCode == ExitCodes.JobFailed, watchFailing.ToString());
        var last = JsonSerializer.Deserialize<JobEvent>(Lines(watchFailing.Stdout)[^1], Prism.Client.PrismClient.JsonOptions)!;
        Assert.Equal(JobEventTypes.Failed, last.Type);
        Assert.Equal(ErrorCodes.SingularFit, last.ErrorCode);
    }

    [Fact]
    public async Task Watch_by_kind_after_an_event_id_prints_plain_lines_and_stops_at_count()
    {
        using var handle = standalone.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var receipt = await handle.Client.SubmitAsync(Jobs.Tiny(), cancellationToken: ct);
        await handle.Client.WaitAsync(receipt.JobId, TimeSpan.FromSeconds(60), ct);

        var run = await CliRun.RunAsync(["watch", "--kind", JobKinds.PixelsEntropy, "--after", "0", "--count", "3", "--url", Url]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = Lines(run.Stdout);
        Assert.Equal("id  at  type  status  kind  job  error", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines[1..], l => Assert.Contains($"  {JobKinds.PixelsEntropy}  ", l, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', run.Stdout);
    }

    [Fact]
    public async Task A_batch_file_with_a_bad_line_exits_2_naming_it_before_anything_is_sent()
    {
        var file = _files.Text("jobs.jsonl", string.Join('\n',
            """{"kind":"pixels.entropy","input":{"width":1,"height":1,"pixels":[1]}}""",
            "",
            """{"kind":"pixels.entropy","input":{"width":0,"height":1,"pixels":[1]}}""",
            """{"kind":"pixels.entropy","input":""",
            """{"input":{"width":1,"height":1,"pixels":[1]}}"""));

        // Nothing listens on this URL: had the CLI sent anything, it would have exited 3.
        var run = await CliRun.RunAsync(["submit-batch", file, "--url", $"http://127.0.0.1:{ServiceProcess.FreePort()}"]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("3 invalid line(s); nothing was submitted", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 3: input.width: must be between 1 and 4096 (was 0).", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 4: not a job", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 5: kind: is required.", run.Stderr, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => _files.Dispose();
}
