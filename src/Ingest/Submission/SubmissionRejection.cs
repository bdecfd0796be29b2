using Prism.Contracts.Validation;

namespace Prism.Ingest.Submission;

/// <summary>Why a request was refused: an HTTP status, a problem type, the fields at fault, and when to retry (503).</summary>
public sealed record SubmissionRejection(int Status, string Type, string Title, string Reason, ValidationErrors? Errors = null, string? Detail = null, int? RetryAfterSeconds = null);
