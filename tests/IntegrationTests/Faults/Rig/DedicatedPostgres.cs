using System.Globalization;
using Npgsql;

namespace Prism.IntegrationTests.Faults.Rig;

/// <summary>
/// A PostgreSQL cluster of the fault tests' own (initdb + pg_ctl as user postgres, its own port and
/// data directory), so they may stop and restart it under load.
/// </summary>
public sealed class DedicatedPostgres(string directory, int port)
{
    public static string? BinDirectory => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
        : null;

    private string Data => Path.Combine(directory, "data");

    private string Server => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        await HostCommand.RunAsync("chown", ["postgres:postgres", directory]);
        await AsPostgres("initdb", "-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        await StartAsync();
    }

    public Task StartAsync() => AsPostgres("pg_ctl", "-D", Data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off", "start");

    /// <summary>Starts the cluster again if a test that stopped it failed before it could.</summary>
    public async Task EnsureRunningAsync()
    {
        if (!File.Exists(Path.Combine(Data, "postmaster.pid"))) await StartAsync();
    }

    /// <summary>A fast shutdown: open sessions are ended, in-flight transactions roll back.</summary>
    public Task StopAsync() => AsPostgres("pg_ctl", "-D", Data, "-m", "fast", "-w", "-t", "60", "stop");

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"prism_fault_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database={name}";
    }

    private Task<string> AsPostgres(string tool, params string[] arguments) =>
        HostCommand.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory!, tool), .. arguments], timeout: TimeSpan.FromSeconds(90));
}
