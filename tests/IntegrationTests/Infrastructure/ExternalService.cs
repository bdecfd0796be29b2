namespace Prism.IntegrationTests.Infrastructure;

/// <summary>
/// A service the tests need (RabbitMQ, PostgreSQL): the one named by an environment variable,
/// else a Testcontainers container, else unavailable with the reason. Under CI=true unavailable
/// is a failure, never a skip.
/// </summary>
public abstract class ExternalService : IAsyncLifetime
{
    public string? ConnectionString { get; private set; }
    public string? UnavailableReason { get; private set; }
    public string Source { get; private set; } = "none";

    protected abstract string Name { get; }
    protected abstract string EnvironmentVariable { get; }

    /// <summary>Starts a container and returns its connection string; throws when no Docker engine is reachable.</summary>
    protected abstract Task<string> StartContainerAsync();

    protected virtual Task StopContainerAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            ConnectionString = fromEnvironment;
            Source = $"${EnvironmentVariable}";
            return;
        }
        try
        {
            ConnectionString = await StartContainerAsync();
            Source = "Testcontainers";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            UnavailableReason = $"{Name} unavailable: ${EnvironmentVariable} is not set and Testcontainers could not start one ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}). Run scripts/test.sh, which starts both services.";
            if (TestEnvironment.IsCi) throw new InvalidOperationException($"CI=true but {UnavailableReason}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Source == "Testcontainers") await StopContainerAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Skips the calling test, printing why, when the service is unavailable (never under CI).</summary>
    public string Require()
    {
        if (ConnectionString is null) Assert.Skip(UnavailableReason ?? $"{Name} unavailable.");
        return ConnectionString;
    }
}
