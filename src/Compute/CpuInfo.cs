namespace Prism.Compute;

/// <summary>A readable name for the CPU the managed engine runs on.</summary>
public static class CpuInfo
{
    public static string ModelName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null) return $"{line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()} ({Environment.ProcessorCount} cores)";
            }
        }
        catch (IOException)
        {
            // Fall through to the generic name.
        }
        return $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} CPU ({Environment.ProcessorCount} cores)";
    }
}
