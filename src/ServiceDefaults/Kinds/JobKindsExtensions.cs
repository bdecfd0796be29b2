using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prism.Contracts.Validation;

namespace Prism.ServiceDefaults.Kinds;

/// <summary>
/// The <see cref="JobKindCatalog"/> a host serves: the built-in kinds plus any a host adds. Ingest, the
/// processor and Results resolve it, so a kind registered here is validated, aliased, computed (given its
/// handler) and recognised by every Results API without another list to edit.
/// </summary>
public static class JobKindsExtensions
{
    /// <summary>Registers every built-in kind and the catalog. Safe to call more than once (Standalone's features each call it).</summary>
    public static IServiceCollection AddJobKinds(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var kind in JobKindCatalog.BuiltIn.All) services.AddJobKind(kind);
        return services;
    }

    /// <summary>Adds <paramref name="kind"/> to the catalog; a kind of the same type registered before wins.</summary>
    public static IServiceCollection AddJobKind(this IServiceCollection services, IJobKind kind)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(kind);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobKind>(kind));
        services.TryAddSingleton(sp => new JobKindCatalog(sp.GetServices<IJobKind>()));
        return services;
    }
}
