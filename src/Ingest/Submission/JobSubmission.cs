using System.Text.Json;
using Prism.Contracts.Validation;

namespace Prism.Ingest.Submission;

/// <summary>
/// A request that passed every check: its kind, its input (an element of the request's parsed body, not a copy) and
/// options. <see cref="Fingerprint"/> is the SHA-256 of the body, for Idempotency-Key checks.
/// </summary>
public sealed record JobSubmission(IJobKind Kind, JsonElement Input, int Priority, int? DeadlineSeconds)
{
    public string? Fingerprint { get; init; }
}
