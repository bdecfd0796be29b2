namespace Prism.ServiceDefaults.Security;

/// <summary>Who a matched key belongs to: its name, role and tenant (never the key).</summary>
public sealed record ApiKeyCaller(string Name, string Role, string? Tenant);
