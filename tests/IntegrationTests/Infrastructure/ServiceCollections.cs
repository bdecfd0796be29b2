namespace Prism.IntegrationTests.Infrastructure;

/// <summary>One broker and one database server for every test that needs them.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerAndDatabase : ICollectionFixture<RabbitMqService>, ICollectionFixture<PostgresService>
{
    public const string Name = "RabbitMQ and PostgreSQL";
}
