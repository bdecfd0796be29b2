using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Prism.TestSupport;

/// <summary>
/// One Prism service run as a real OS process (<c>dotnet Prism.X.dll</c> from the caller's output folder, so the
/// project that starts it references src/X) on a free loopback port: real HTTP, real shutdown, and a real kill
/// for fault tests.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private readonly IReadOnlyDictionary<string, string> _environment;

    private ServiceProcess(string name, Process process, Uri baseAddress, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        _environment = environment;
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>The OS process id, for reading its memory or CPU time from /proc.</summary>
    public int Id => _process.Id;

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>Starts <c>Prism.{service}.dll</c> and waits until <c>/health/ready</c> answers 200 (60 s unless told).</summary>
    public static Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string> environment, TimeSpan? readyTimeout = null, CancellationToken cancellationToken = default) =>
        StartAsync(service, environment, FreePort(), readyTimeout, cancellationToken);

    /// <summary>Starts this service again, after it exited, with the same environment on the same port.</summary>
    public Task<ServiceProcess> StartAgainAsync(TimeSpan? readyTimeout = null)
    {
        if (!_process.HasExited) throw new InvalidOperationException($"{Name} is still running.");
        return StartAsync(Name, _environment, BaseAddress.Port, readyTimeout, CancellationToken.None);
    }

    private static async Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string> environment, int port, TimeSpan? readyTimeout, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, $"Prism.{service}.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: the project that starts it must reference src/{service}.", dll);

        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // "Urls" (not ASPNETCORE_URLS): the output folder holds Standalone's appsettings.json, whose Urls would win over host settings.
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {service}.");
        var started = new ServiceProcess(service, process, new Uri($"http://127.0.0.1:{port}"), environment);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await started.WaitReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(60), cancellationToken);
        return started;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>Polls <c>/health/ready</c> until it answers 200; throws when the process exits or the time is up.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{OutputTail}");
            var (status, body) = await ProbeReadinessAsync(client, cancellationToken);
            if (status == HttpStatusCode.OK) return;
            last = status is null ? body : $"{(int)status}: {body}";
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds} s (last: {last}).\n{OutputTail}");
    }

    /// <summary>
    /// Polls <c>/health/ready</c> until it answers <paramref name="expected"/> (503 once a dependency is gone, 200
    /// once it is back); false at the deadline. Returns the last body seen, or why there was none.
    /// </summary>
    public async Task<(bool Seen, string Body)> WaitForReadinessAsync(HttpStatusCode expected, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        var body = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            (var status, body) = await ProbeReadinessAsync(client, CancellationToken.None);
            if (status == expected) return (true, body);
            await Task.Delay(250);
        }
        return (false, body);
    }

    /// <summary>One GET of <c>/health/ready</c>: its status and body, or no status and why it got no answer.</summary>
    private static async Task<(HttpStatusCode? Status, string Body)> ProbeReadinessAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "timed out");
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish or hand back anything.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>
    /// SIGTERM, as an orchestrator stops a pod, then waits for the process to exit by itself
    /// (it is killed only when it outlives <paramref name="timeout"/>). Returns its exit code.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds} s of SIGTERM.\n{OutputTail}");
        }
        return _process.ExitCode;
    }

    /// <summary>Resident memory of the process now, in MiB (VmRSS from /proc).</summary>
    public double ResidentMiB()
    {
        _process.Refresh();
        return _process.WorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>CPU time the process has used so far, user and system.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>A loopback port free at the time of asking (for a service, or for an address where nothing answers).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
