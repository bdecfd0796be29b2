using Npgsql;
using Testcontainers.PostgreSql;

namespace Prism.IntegrationTests.Infrastructure;

/// <summary>
/// The database server: <c>$PRISM_TEST_POSTGRES</c> (an Npgsql connection string), else a
/// Testcontainers PostgreSQL. <see cref="CreateDatabaseAsync"/> gives each test its own database.
/// </summary>
public sealed class PostgresService : ExternalService
{
    private PostgreSqlContainer? _container;

    protected override string Name => "PostgreSQL";
    protected override string EnvironmentVariable => "PRISM_TEST_POSTGRES";

    protected override async Task<string> StartContainerAsync()
    {
        _container = new PostgreSqlBuilder("postgres:16-alpine").Build();
        await _container.StartAsync();
        return _container.GetConnectionString();
    }

    protected override async Task StopContainerAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var server = Require();
        var name = $"prism_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
