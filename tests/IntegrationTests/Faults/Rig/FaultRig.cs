namespace Prism.IntegrationTests.Faults.Rig;

/// <summary>
/// The broker and database the fault tests break: their own RabbitMQ node (AMQP 56672, distribution
/// 56674) and PostgreSQL cluster (56432) in a temp directory, never the shared ones other tests use.
/// Needs root (the RabbitMQ scripts run as root, PostgreSQL as user postgres) and the packages; without
/// them the tests skip with the reason, and under CI=true that is a failure.
/// </summary>
public sealed class FaultRig : IAsyncLifetime
{
    public const int AmqpPort = 56672;
    public const int DistPort = 56674;
    public const int PostgresPort = 56432;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"prism-faults-{Environment.ProcessId}");
    private string? _unavailable;

    public DedicatedRabbitMq Broker { get; }
    public DedicatedPostgres Database { get; }

    public FaultRig()
    {
        Broker = new DedicatedRabbitMq(Path.Combine(_directory, "rabbitmq"), AmqpPort, DistPort);
        Database = new DedicatedPostgres(Path.Combine(_directory, "postgres"), PostgresPort);
    }

    public async ValueTask InitializeAsync()
    {
        _unavailable = Environment.UserName != "root" ? "the fault tests start their own RabbitMQ and PostgreSQL, which needs root"
            : !DedicatedRabbitMq.IsInstalled ? "RabbitMQ is not installed (scripts/services.sh install)"
            : DedicatedPostgres.BinDirectory is null ? "PostgreSQL server binaries are not under /usr/lib/postgresql"
            : null;
        if (_unavailable is not null)
        {
            if (TestEnvironment.IsCi) throw new InvalidOperationException($"CI=true but {_unavailable}.");
            return;
        }
        Directory.CreateDirectory(_directory);
        await Task.WhenAll(Broker.InitializeAsync(), Database.InitializeAsync());
    }

    /// <summary>Skips the calling test, printing why, when this machine cannot run the rig (never under CI).</summary>
    public void Require()
    {
        if (_unavailable is not null) Assert.Skip($"Fault tests skipped: {_unavailable}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_unavailable is null)
        {
            await Task.WhenAll(Try(Database.StopAsync), Try(Broker.StopAsync));
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        GC.SuppressFinalize(this);
    }

    private static async Task Try(Func<Task> stop)
    {
        try { await stop(); } catch (Exception ex) when (ex is InvalidOperationException or TimeoutException) { }
    }
}

/// <summary>The fault tests run one at a time on the rig (one test's restart must not hit another's run).</summary>
[CollectionDefinition(Name)]
public sealed class FaultTests : ICollectionFixture<FaultRig>
{
    public const string Name = "Fault injection (own RabbitMQ and PostgreSQL)";
}
