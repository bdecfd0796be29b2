using System.Diagnostics;
using System.Text.Json;
using Prism.ClientTests.Infrastructure;

namespace Prism.ClientTests.Dashboard;

/// <summary>
/// The dashboard in Debian's chromium, driven by playwright-core (tests/Dashboard/dashboard.mjs): submit from the form,
/// see the job complete in the live feed, open its result, screenshot to artifacts/dashboard.png. Needs node, chromium
/// and `npm ci` in tests/Dashboard; without them it is skipped with the reason, and under CI=true it fails instead.
/// </summary>
[Collection(QueueSensitive.Name)]
public sealed class When_using_the_dashboard_in_a_browser(StandaloneFixture standalone)
{
    private static readonly string Script = Path.Combine(Repository.Root, "tests", "Dashboard", "dashboard.mjs");
    private static readonly string Chromium = Environment.GetEnvironmentVariable("PRISM_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task A_job_submitted_from_the_form_completes_in_the_feed_and_its_entropy_map_is_drawn()
    {
        var missing = Missing();
        if (missing is not null)
        {
            Assert.False(TestEnvironment.IsCi, $"CI must run the browser test: {missing}");
            Assert.Skip(missing);
        }
        var screenshot = Path.Combine(Repository.Root, "artifacts", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var info = new ProcessStartInfo("node", [Script, standalone.Url.ToString(), screenshot])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Script)!,
        };
        info.Environment["PRISM_CHROMIUM"] = Chromium;
        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await node.WaitForExitAsync(timeout.Token);
        var output = await stdout;

        Assert.True(node.ExitCode == 0, $"exit {node.ExitCode}\n{output}\n{await stderr}\n--- standalone:\n{standalone.Standalone.OutputTail}");
        using var report = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = report.RootElement;
        Assert.True(Guid.TryParse(root.GetProperty("jobId").GetString(), out _));
        Assert.True(root.GetProperty("colours").GetInt32() >= 8);
        Assert.True(root.GetProperty("succeeded").GetInt32() >= 1);
        Assert.Equal("cpu", root.GetProperty("engine").GetString());
        Assert.Equal("healthy", root.GetProperty("pixelsHealth").GetString());
        Assert.Equal(0, root.GetProperty("problems").GetArrayLength());
        var png = await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"the screenshot is only {png.Length} bytes");
    }

    private static string? Missing()
    {
        if (!File.Exists(Chromium)) return $"{Chromium} is missing (apt-get install -y chromium).";
        if (!File.Exists(Path.Combine(Repository.Root, "tests", "Dashboard", "node_modules", "playwright-core", "package.json")))
        {
            return "playwright-core is not installed (npm ci --prefix tests/Dashboard).";
        }
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0 ? null : "node does not run.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not installed.";
        }
    }
}
