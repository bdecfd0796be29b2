namespace Prism.ServiceDefaults.Security;

/// <summary>Claims a Prism caller carries besides its name (the key's Name) and role.</summary>
public static class PrismClaims
{
    public const string Tenant = "prism:tenant";
}
