namespace Prism.Contracts;

/// <summary>
/// Job states as they appear on the wire. States only move forward:
/// queued → running → succeeded | failed | cancelled.
/// </summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Order of a state: an event may only move a job to a higher rank.</summary>
    public static int Rank(string status) => status switch
    {
        Queued => 1,
        Running => 2,
        Succeeded or Failed or Cancelled => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown job status."),
    };

    public static bool IsTerminal(string status) => Rank(status) == 3;

    public static IReadOnlyList<string> All { get; } = [Queued, Running, Succeeded, Failed, Cancelled];
}
