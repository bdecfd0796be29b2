namespace Prism.Contracts.Api;

/// <summary>Values of <see cref="JobEvent.Type"/>.</summary>
public static class JobEventTypes
{
    public const string Submitted = "submitted";
    public const string Started = "started";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
