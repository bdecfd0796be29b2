using System.Globalization;

namespace Prism.IntegrationTests.Infrastructure;

/// <summary>
/// Resident memory of another process, from Linux's <c>/proc/&lt;pid&gt;/status</c>: the current RSS and its peak
/// (<c>VmHWM</c>). Writing 5 to <c>clear_refs</c> resets the peak to the current RSS, so the peak that follows
/// belongs to what the test did next.
/// </summary>
public static class ProcessMemory
{
    public static bool Supported => OperatingSystem.IsLinux();

    public static long ResidentBytes(int pid) => Read(pid, "VmRSS:");

    public static long PeakBytes(int pid) => Read(pid, "VmHWM:");

    /// <summary>Resets the peak to the current RSS and returns that RSS: the baseline of what comes next.</summary>
    public static long ResetPeak(int pid)
    {
        File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        return PeakBytes(pid);
    }

    private static long Read(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        var kib = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
    }
}
