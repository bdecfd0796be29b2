using System.Diagnostics;

namespace Prism.DeployTests.Infrastructure;

/// <summary>
/// An external command-line tool (kubectl, promtool, action-validator). Missing: the test is skipped
/// with the reason printed — except under CI=true, where a missing required tool fails the test.
/// </summary>
public sealed class Tool(string name, string installHint, bool requiredUnderCi, params string[] candidates)
{
    public static Tool Kubectl { get; } = new("kubectl", "kubectl is preinstalled on the development machines and GitHub's runners.", requiredUnderCi: true);
    public static Tool Promtool { get; } = new("promtool", "install it with `apt-get install -y prometheus` (scripts/services.sh install does).", requiredUnderCi: true);

    /// <summary>From npm, so optional even under CI (ci.yml installs it; machines without the npm registry skip it).</summary>
    public static Tool ActionValidator { get; } = new("action-validator", "run scripts/install-action-validator.sh (npm, into .tools/).", requiredUnderCi: false,
        Path.Combine(Repository.Root, ".tools", "node_modules", ".bin", "action-validator"));

    public string Require()
    {
        var path = Find();
        if (path is not null) return path;
        var reason = $"{name} not found on PATH: {installHint}";
        if (TestEnvironment.IsCi && requiredUnderCi) Assert.Fail($"CI=true but {reason}");
        Assert.Skip(reason);
        return ""; // unreachable: Assert.Skip throws
    }

    public (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Require()) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{name} {string.Join(' ', arguments)} did not finish in 2 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private string? Find()
    {
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate)) return candidate;
        }
        var pathVariable = Environment.GetEnvironmentVariable("PATH") ?? "";
        return pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
