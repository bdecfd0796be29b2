using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Prism.IntegrationTests.Infrastructure;

/// <summary>
/// One Prism service run as a real OS process (<c>dotnet Prism.X.dll</c> from the test's output
/// folder) on a free loopback port: real HTTP, real shutdown, and a real kill for fault tests.
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

    /// <summary>The OS process id, for reading its memory (<see cref="ProcessMemory"/>).</summary>
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

    /// <summary>Starts <c>Prism.{service}.dll</c> and waits until <c>/health/ready</c> answers 200.</summary>
    public static Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string> environment, TimeSpan? readyTimeout = null) =>
        StartAsync(service, environment, FreePort(), readyTimeout);

    /// <summary>Starts this service again, after it exited, with the same environment on the same port.</summary>
    public Task<ServiceProcess> StartAgainAsync(TimeSpan? readyTimeout = null)
    {
        if (!_process.HasExited) throw new InvalidOperationException($"{Name} is still running.");
        return StartAsync(Name, _environment, BaseAddress.Port, readyTimeout);
    }

    private static async Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string> environment, int port, TimeSpan? readyTimeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, $"Prism.{service}.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: the test project must reference src/{service}.", dll);

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
        var service_ = new ServiceProcess(service, process, new Uri($"http://127.0.0.1:{port}"), environment);
        process.OutputDataReceived += (_, e) => service_.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service_.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await service_.WaitReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(60));
        return service_;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{OutputTail}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds} s (last: {last}).\n{OutputTail}");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
