namespace Prism.Results.Storage;

/// <summary>Which stream events a subscriber wants: one job, one kind, or everything (null = any).</summary>
public sealed record EventFilter(Guid? JobId, string? Kind)
{
    public static EventFilter All { get; } = new(null, null);

    public bool Matches(Contracts.Api.JobEvent e) =>
        e is not null && (JobId is null || e.JobId == JobId) && (Kind is null || e.Kind == Kind);
}
