using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;
using Prism.Results.Processors;
using Prism.ServiceDefaults.Http;
using Prism.ServiceDefaults.Security;

namespace Prism.Results.Apis;

/// <summary><c>GET /api/v1/processors</c> and <c>GET /api/v1/{domain}/health</c>.</summary>
public static class ProcessorsApi
{
    public static IEndpointRouteBuilder MapProcessorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/processors", (ProcessorRegistry registry) => TypedResults.Ok(registry.Live())).RequireAuthorization(PrismPolicies.Read)
            .WithName("ListProcessors").WithTags("Processors").WithSummary("Live processors, from their heartbeats.");
        foreach (var domain in app.ServiceProvider.GetRequiredService<JobKindCatalog>().Domains)
        {
            app.MapGet($"/api/v1/{domain}/health", (DomainHealth health, ClaimsPrincipal user, CancellationToken ct) => GetDomainHealth(domain, health, user, ct)).RequireAuthorization(PrismPolicies.Read)
                .WithName($"Get_{domain}_health").WithTags("Processors").WithSummary($"Health of the {domain} domain from live processors and recent jobs.");
        }
        return app;
    }

    /// <summary>A tenant's caller gets its tenant's job figures; an admin, every tenant's.</summary>
    public static async Task<Results<Ok<DomainHealthView>, ProblemHttpResult>> GetDomainHealth(string domain, DomainHealth health, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(user);
        var view = await health.GetAsync(domain, user.TenantScope(), cancellationToken).ConfigureAwait(false);
        return view is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such domain.")
            : TypedResults.Ok(view);
    }
}
