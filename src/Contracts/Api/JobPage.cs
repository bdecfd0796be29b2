namespace Prism.Contracts.Api;

/// <summary>One page of <c>GET /api/v1/results</c>, newest first. Pass <see cref="NextCursor"/> back as <c>cursor</c>.</summary>
public sealed record JobPage
{
    public required IReadOnlyList<JobResultView> Items { get; init; }
    public string? NextCursor { get; init; }
}
