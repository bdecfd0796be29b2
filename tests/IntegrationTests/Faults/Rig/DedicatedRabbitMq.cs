using System.Globalization;

namespace Prism.IntegrationTests.Faults.Rig;

/// <summary>
/// A RabbitMQ node of the fault tests' own (node name, ports and data directory nobody else uses), so
/// they may stop and restart it. Its data survives a restart like a real broker's: durable queues
/// keep their persistent messages. The recipe is the one in scripts/services.sh.
/// </summary>
public sealed class DedicatedRabbitMq(string directory, int amqpPort, int distPort)
{
    private const string Bin = "/usr/lib/rabbitmq/bin";

    public static bool IsInstalled => File.Exists($"{Bin}/rabbitmq-server");

    private string PidFile => Path.Combine(directory, "rabbit.pid");

    public string Uri(string virtualHost) => $"amqp://guest:guest@127.0.0.1:{amqpPort}/{System.Uri.EscapeDataString(virtualHost)}";

    private Dictionary<string, string> Environment => new()
    {
        ["HOME"] = directory,
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
        ["RABBITMQ_NODENAME"] = $"prismfaults{amqpPort}@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_PID_FILE"] = PidFile,
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(directory, "log"));
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq-env.conf"), "");
        // No plugins: the management plugin only slows each boot, and rabbitmqctl answers what the tests ask.
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].");
        // The broker's default consumer_timeout (30 min), written out: the processor's MaxJobSeconds stays below it.
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{amqpPort}\nloopback_users = none\nconsumer_timeout = 1800000\n");
        await StartAsync();
    }

    public async Task StartAsync()
    {
        File.Delete(PidFile);
        await HostCommand.RunAsync($"{Bin}/rabbitmq-server", ["-detached"], Environment);
        if (!await Eventually.True(PidWritten, seconds: 60)) throw new TimeoutException($"RabbitMQ wrote no pid to {PidFile} within 60 s.");
        await HostCommand.RunAsync($"{Bin}/rabbitmqctl", ["-q", "wait", "--timeout", "120", PidFile], Environment, TimeSpan.FromSeconds(150));
    }

    /// <summary>
    /// Whether RabbitMQ has written its pid. `rabbitmqctl wait` fails at once with <c>garbage_in_pid_file</c>
    /// when it reads the pid file between its creation and the write of the pid (seen when it is called
    /// right after the detached start), so it is called only once this holds.
    /// </summary>
    private bool PidWritten()
    {
        try { return int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _); }
        catch (IOException) { return false; }
    }

    /// <summary>Starts the node again if a test that stopped it failed before it could.</summary>
    public async Task EnsureRunningAsync()
    {
        if (!File.Exists(PidFile)) await StartAsync();
    }

    /// <summary>Stops the node the way an orchestrator does (SIGTERM, SIGKILL if it lingers) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (!File.Exists(PidFile)) return;
        var pid = ReadPid();
        await HostCommand.RunAsync("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
        if (!await HostCommand.WaitGoneAsync(pid, TimeSpan.FromSeconds(30)))
        {
            await HostCommand.RunAsync("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
            await HostCommand.WaitGoneAsync(pid, TimeSpan.FromSeconds(10));
        }
        File.Delete(PidFile);
    }

    public async Task<string> CreateVirtualHostAsync()
    {
        var name = $"fault-{Guid.NewGuid():N}";
        await Ctl("add_vhost", name);
        await Ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return Uri(name);
    }

    /// <summary>Messages ready in a queue of a virtual host (immediate, not the management API's sampled figure).</summary>
    public async Task<int> MessagesInAsync(string virtualHostUri, string queue)
    {
        var vhost = System.Uri.UnescapeDataString(new Uri(virtualHostUri).AbsolutePath.TrimStart('/'));
        var output = await Ctl("list_queues", "-p", vhost, "--no-table-headers", "name", "messages");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == queue) return int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    private Task<string> Ctl(params string[] arguments) =>
        HostCommand.RunAsync($"{Bin}/rabbitmqctl", ["-q", .. arguments], Environment, TimeSpan.FromSeconds(60));

    private int ReadPid() => int.Parse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture);
}
