using System.Security.Claims;

namespace Prism.ServiceDefaults.Security;

/// <summary>What the authenticated caller may see.</summary>
public static class CallerExtensions
{
    /// <summary>The tenant the caller's jobs are stamped with (null with auth off, or an admin key of no tenant).</summary>
    public static string? Tenant(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(PrismClaims.Tenant)?.Value;
    }

    /// <summary>
    /// The tenant the caller's reads are limited to; null means every tenant (admin, or auth off). A job of
    /// another tenant is answered as if it did not exist.
    /// </summary>
    public static string? TenantScope(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PrismRoles.Admin) ? null : user.Tenant() ?? "";
    }

    /// <summary>True when a job of <paramref name="jobTenant"/> is visible within <paramref name="scope"/>.</summary>
    public static bool Sees(string? scope, string? jobTenant) => scope is null || string.Equals(scope, jobTenant, StringComparison.Ordinal);
}
