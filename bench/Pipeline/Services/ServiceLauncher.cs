using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Prism.Pipeline.Services;

/// <summary>
/// A Prism service started as a real process (<c>dotnet Prism.X.dll</c> from this program's folder)
/// on a free loopback port, ready once <c>/health/ready</c> answers 200.
/// </summary>
public sealed class ServiceLauncher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceLauncher(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;

    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length > 3000 ? text[^3000..] : text;
            }
        }
    }

    public static async Task<ServiceLauncher> StartAsync(string service, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, $"Prism.{service}.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: build bench/Pipeline, which references src/{service}.", dll);

        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // "Urls" rather than ASPNETCORE_URLS: Standalone's appsettings.json in this folder would win over the latter.
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {service}.");
        var launched = new ServiceLauncher(service, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => launched.Append(e.Data);
        process.ErrorDataReceived += (_, e) => launched.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await launched.WaitReadyAsync(TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false);
        return launched;
    }

    /// <summary>User and system CPU seconds the process used so far.</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.HasExited ? double.NaN : _process.TotalProcessorTime.TotalSeconds;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{OutputTail}");
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds} s (last: {last}).\n{OutputTail}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
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
