using Microsoft.Extensions.DependencyInjection;
using Prism.Compute;
using Prism.Contracts.Validation;
using Prism.IntegrationTests.Api;

namespace Prism.IntegrationTests.Catalog;

/// <summary>The processor's handlers (<c>AddComputeKinds</c>) and its catalog name the same kinds: the built-in ones.</summary>
public sealed class When_the_processor_serves_the_catalog
{
    [Fact]
    public async Task Every_catalog_kind_has_a_handler_and_every_handler_a_kind()
    {
        await using var factory = new ProcessorFactory();
        var catalog = factory.Services.GetRequiredService<JobKindCatalog>();
        var handlers = factory.Services.GetRequiredService<KindHandlerRegistry>();

        Assert.Equal(JobKindCatalog.BuiltIn.Names.Order(StringComparer.Ordinal), catalog.Names.Order(StringComparer.Ordinal));
        Assert.Equal(catalog.Names.Order(StringComparer.Ordinal), handlers.Kinds);
    }
}
