namespace Prism.ServiceDefaults.Security;

/// <summary>The roles an API key can hold, from most to least powerful.</summary>
public static class PrismRoles
{
    /// <summary>Everything, across every tenant (support and operations).</summary>
    public const string Admin = "admin";

    /// <summary>Submit and cancel jobs, read its own tenant's jobs and events.</summary>
    public const string Submit = "submit";

    /// <summary>Read its own tenant's jobs and events.</summary>
    public const string Read = "read";

    public static IReadOnlyList<string> All { get; } = [Admin, Submit, Read];
}
