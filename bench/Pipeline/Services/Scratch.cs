using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Prism.Pipeline.Services;

/// <summary>Fresh broker virtual hosts and databases, so a run never reads what an earlier one left.</summary>
public static class Scratch
{
    /// <summary>A new virtual host (when the management API is known) as an amqp:// URI; else the URI as given.</summary>
    public static async Task<string> VirtualHostAsync(string amqp, string? management, string purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(management)) return amqp;
        var api = new Uri(management);
        var vhost = $"prism-bench-{purpose}-{Guid.NewGuid():N}";
        using var http = new HttpClient { BaseAddress = new Uri(api.GetLeftPart(UriPartial.Authority)) };
        var credentials = Uri.UnescapeDataString(api.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        using (var put = await http.PutAsync(new Uri($"/api/vhosts/{vhost}", UriKind.Relative), Json("{}"), cancellationToken).ConfigureAwait(false)) put.EnsureSuccessStatusCode();
        var user = credentials.Split(':')[0];
        using (var grant = await http.PutAsync(new Uri($"/api/permissions/{vhost}/{user}", UriKind.Relative),
            Json("""{"configure":".*","write":".*","read":".*"}"""), cancellationToken).ConfigureAwait(false)) grant.EnsureSuccessStatusCode();
        return new UriBuilder(new Uri(amqp)) { Path = "/" + vhost }.Uri.ToString();
    }

    public static async Task<string> DatabaseAsync(string server, CancellationToken cancellationToken)
    {
        var name = $"prism_bench_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnection(server);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await using (command.ConfigureAwait(false)) await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
