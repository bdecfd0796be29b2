using System.Text.Json;
using Prism.Contracts.Validation;

namespace Prism.Ingest.Submission;

/// <summary>A request that passed every check: its kind, its input (detached from the request buffer) and options.</summary>
public sealed record JobSubmission(IJobKind Kind, JsonElement Input, int Priority, int? DeadlineSeconds);
