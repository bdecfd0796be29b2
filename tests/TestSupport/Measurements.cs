using Xunit;

namespace Prism.TestSupport;

/// <summary>
/// Figures a test measured (throughput, latency), appended to <c>$PRISM_MEASUREMENTS</c> (scripts/test.sh
/// prints it after the run) and to the test's own output. Figures are reported, never asserted on.
/// </summary>
public static class Measurements
{
    private static readonly Lock Gate = new();

    public static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var path = Environment.GetEnvironmentVariable("PRISM_MEASUREMENTS");
        if (string.IsNullOrEmpty(path)) return;
        lock (Gate) File.AppendAllText(path, $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
    }
}
