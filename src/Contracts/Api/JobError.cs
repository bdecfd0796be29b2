namespace Prism.Contracts.Api;

/// <summary>Why a job failed: a stable <see cref="Code"/> (see <see cref="ErrorCodes"/>) and a message for people.</summary>
public sealed record JobError
{
    public required string Code { get; init; }
    public required string Message { get; init; }
}
