namespace Prism.ServiceDefaults.Security;

/// <summary>Authorization policy names endpoints require; each admits its role and every stronger one.</summary>
public static class PrismPolicies
{
    /// <summary>Reading jobs, results, events, processors: any valid key.</summary>
    public const string Read = "prism:read";

    /// <summary>Submitting and cancelling: submit or admin keys.</summary>
    public const string Submit = "prism:submit";

    /// <summary>Admin keys only.</summary>
    public const string Admin = "prism:admin";
}
