using System.Security.Claims;
using Prism.ServiceDefaults.Security;

namespace Prism.Ingest.Idempotency;

/// <summary>
/// Whose an <c>Idempotency-Key</c> is. Keys are chosen by clients, so two tenants will pick the same ones
/// ("invoice-1"): a key only names a job within its scope, or one tenant would replay, block or learn of another's jobs.
/// </summary>
public static class IdempotencyScope
{
    /// <summary>The scope of keys sent with auth off, and of PostgreSQL rows written before keys were scoped.</summary>
    public const string Unscoped = "";

    /// <summary><c>tenant:&lt;id&gt;</c> for a tenant's keys; <c>key:&lt;name&gt;</c> for an API key of no tenant; <see cref="Unscoped"/> with auth off.</summary>
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Tenant() is { } tenant) return "tenant:" + tenant;
        var name = user.Identity?.Name;
        return name is null || name == ApiKeyAuthenticationHandler.AnonymousName ? Unscoped : "key:" + name;
    }
}
