using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Prism.Client;

/// <summary>Registers <see cref="PrismClient"/> as a typed client of <c>IHttpClientFactory</c>.</summary>
public static class PrismClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PrismClient"/> (transient, over a factory-managed <see cref="HttpClient"/>) and its options.
    /// Returns the <see cref="IHttpClientBuilder"/> so handlers and resilience can be added.
    /// </summary>
    /// <example><code>services.AddPrismClient(o => o.BaseUrl = new Uri("http://localhost:8080"));</code></example>
    public static IHttpClientBuilder AddPrismClient(this IServiceCollection services, Action<PrismClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PrismClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true }, "PrismClientOptions.BaseUrl must be an absolute URL, e.g. http://localhost:8080.")
            .Validate(o => o.ResultsUrl is null or { IsAbsoluteUri: true }, "PrismClientOptions.ResultsUrl must be an absolute URL when set.");
        var builder = services.AddHttpClient(nameof(PrismClient));
        builder.AddTypedClient((http, provider) => new PrismClient(http, provider.GetRequiredService<IOptions<PrismClientOptions>>().Value));
        return builder;
    }
}
