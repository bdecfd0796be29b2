using System.Globalization;

namespace Prism.Pipeline.Services;

/// <summary>
/// CPU time of the broker and database when they run on this machine (Linux <c>/proc</c>): the
/// pipeline's cost per job includes theirs, which no service process shows. Processes of the same
/// name that run for something else on the machine are counted too; the report says so.
/// </summary>
public static class LocalProcessCpu
{
    /// <summary>Clock ticks per second of <c>/proc/&lt;pid&gt;/stat</c>'s utime and stime (USER_HZ, 100 on Linux).</summary>
    private const double UserHz = 100;

    /// <summary>Process names (<c>/proc/&lt;pid&gt;/comm</c>) by the label the report gives them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Watched = new Dictionary<string, string>
    {
        ["RabbitMQ (all local beam.smp)"] = "beam.smp",
        ["PostgreSQL (all local postgres)"] = "postgres",
    };

    /// <summary>Seconds of CPU (user + system) used so far by all live processes of each watched name; absent when none runs here.</summary>
    public static Dictionary<string, double> Seconds()
    {
        var seconds = new Dictionary<string, double>();
        if (!Directory.Exists("/proc")) return seconds;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                var comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                var label = Watched.FirstOrDefault(w => w.Value == comm).Key;
                if (label is null) continue;
                // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                seconds[label] = seconds.GetValueOrDefault(label) + ticks / UserHz;
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }
        return seconds;
    }
}
