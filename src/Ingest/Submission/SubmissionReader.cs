using System.Text.Json;
using Microsoft.Extensions.Options;
using Prism.Contracts;
using Prism.Contracts.Validation;
using Prism.ServiceDefaults.Http;

namespace Prism.Ingest.Submission;

/// <summary>
/// Reads and validates a submission before anything is published: media type (415), size (413),
/// JSON syntax and depth, the envelope's fields, the kind, and the kind's own input rules (400,
/// each naming its field).
/// </summary>
public sealed class SubmissionReader(IOptions<IngestOptions> options)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = PrismJson.MaxDepth };
    private static readonly HashSet<string> EnvelopeFields = new(StringComparer.Ordinal) { "kind", "input", "priority", "deadlineSeconds" };

    /// <summary>Reads a <c>POST /api/v1/jobs</c> body: <c>{ kind, input, priority?, deadlineSeconds? }</c>.</summary>
    public async Task<(JobSubmission? Submission, SubmissionRejection? Rejection)> ReadEnvelopeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, rejection) = await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        if (document is null) return (null, rejection);
        using (document)
        {
            var root = document.RootElement;
            var errors = new ValidationErrors();
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("body", "must be a JSON object { kind, input, priority?, deadlineSeconds? }.");
                return (null, Invalid(errors));
            }
            foreach (var property in root.EnumerateObject())
            {
                if (!EnvelopeFields.Contains(property.Name)) errors.Add(property.Name, "is not a known field.");
            }

            string? kindName = null;
            if (!root.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String)
            {
                errors.Add("kind", "is required and must be a string such as \"pixels.entropy\".");
            }
            else
            {
                kindName = kindElement.GetString();
            }

            if (!root.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Object)
            {
                errors.Add("input", "is required and must be a JSON object.");
            }
            var priority = ReadInt(root, "priority", 0, QueueNames.MaxPriority, errors) ?? 0;
            var deadline = ReadInt(root, "deadlineSeconds", 1, options.Value.MaxDeadlineSeconds, errors);
            if (!errors.IsValid) return (null, Invalid(errors));

            var kind = JobKindCatalog.Find(kindName);
            if (kind is null) return (null, UnknownKind(kindName!));
            return Check(kind, input, priority, deadline);
        }
    }

    /// <summary>Reads a domain alias body: the kind's input itself.</summary>
    public async Task<(JobSubmission? Submission, SubmissionRejection? Rejection)> ReadInputAsync(IJobKind kind, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var (document, rejection) = await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        if (document is null) return (null, rejection);
        using (document)
        {
            return Check(kind, document.RootElement, 0, null);
        }
    }

    private static (JobSubmission?, SubmissionRejection?) Check(IJobKind kind, JsonElement input, int priority, int? deadline)
    {
        var parsed = kind.Parse(input);
        return parsed.IsValid
            ? (new JobSubmission(kind, input.Clone(), priority, deadline), null)
            : (null, Invalid(parsed.Errors));
    }

    private async Task<(JsonDocument?, SubmissionRejection?)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, new SubmissionRejection(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
                "Unsupported media type.", "media_type", Detail: $"Send the body as application/json (was '{request.ContentType ?? "none"}')."));
        }

        var limit = options.Value.MaxBodyBytes;
        if (request.ContentLength > limit) return (null, TooLarge(limit));

        // Read at most limit + 1 bytes: a chunked body with no Content-Length is held to the same limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return (null, TooLarge(limit));
            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), DocumentOptions), null);
        }
        catch (JsonException ex)
        {
            var errors = new ValidationErrors();
            errors.Add("body", $"is not valid JSON: {ex.Message}");
            return (null, Invalid(errors));
        }
    }

    private static int? ReadInt(JsonElement root, string name, int min, int max, ValidationErrors errors)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            errors.Add(name, $"must be an integer between {min} and {max}.");
            return null;
        }
        return errors.Range(name, value, min, max) ? value : null;
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static SubmissionRejection TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Request body too large.", "too_large",
            Detail: $"The body may be at most {limit} bytes (Ingest:MaxBodyBytes).");

    private static SubmissionRejection Invalid(ValidationErrors errors) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The job is invalid.", "invalid", errors);

    private static SubmissionRejection UnknownKind(string kind)
    {
        var errors = new ValidationErrors();
        errors.Add("kind", $"'{kind}' is not a known kind. Known kinds: {string.Join(", ", JobKindCatalog.All.Select(k => k.Name))}.");
        return new SubmissionRejection(StatusCodes.Status400BadRequest, ProblemTypes.UnknownKind, "Unknown job kind.", "unknown_kind", errors);
    }
}
