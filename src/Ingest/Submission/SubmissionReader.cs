using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Prism.Contracts;
using Prism.Contracts.Validation;
using Prism.ServiceDefaults.Http;

namespace Prism.Ingest.Submission;

/// <summary>
/// Reads and validates submissions before anything is published: media type (415), size (413),
/// JSON syntax and depth, the envelope's fields, the kind, and the kind's own input rules (400,
/// each naming its field; in a batch, prefixed with the item's index: <c>[3].input.width</c>).
/// </summary>
public sealed class SubmissionReader(IOptions<IngestOptions> options, BodyBudget budget, JobKindCatalog kinds)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = PrismJson.MaxDepth };
    private static readonly HashSet<string> EnvelopeFields = new(StringComparer.Ordinal) { "kind", "input", "priority", "deadlineSeconds" };

    /// <summary>Reads a <c>POST /api/v1/jobs</c> body: <c>{ kind, input, priority?, deadlineSeconds? }</c>.</summary>
    public async Task<(JobSubmission? Submission, SubmissionRejection? Rejection)> ReadEnvelopeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, fingerprint, rejection) = await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        if (document is null) return (null, rejection);
        var errors = new ValidationErrors();
        var submission = ParseEnvelope(document.RootElement, "", errors, out var unknownKind);
        if (unknownKind is not null && errors.Count == 1) return (null, UnknownKind(errors));
        return submission is null ? (null, Invalid(errors)) : (submission with { Fingerprint = fingerprint }, null);
    }

    /// <summary>
    /// Reads a <c>POST /api/v1/jobs/batch</c> body: an array of envelopes. All or nothing: one invalid
    /// item rejects the whole batch, so a client never has to work out which half was queued.
    /// </summary>
    public async Task<(IReadOnlyList<JobSubmission>? Submissions, SubmissionRejection? Rejection)> ReadBatchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, _, rejection) = await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        if (document is null) return (null, rejection);
        var errors = new ValidationErrors();
        var root = document.RootElement;
        var max = options.Value.MaxBatchSize;
        if (root.ValueKind != JsonValueKind.Array)
        {
            errors.Add("body", "must be a JSON array of { kind, input, priority?, deadlineSeconds? }.");
            return (null, Invalid(errors));
        }
        var count = root.GetArrayLength();
        if (count < 1 || count > max)
        {
            errors.Add("body", $"a batch holds 1 to {max} jobs (had {count}).");
            return (null, Invalid(errors));
        }
        var submissions = new List<JobSubmission>(count);
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var submission = ParseEnvelope(item, $"[{index}].", errors, out _);
            if (submission is not null) submissions.Add(submission);
            index++;
        }
        return errors.IsValid ? (submissions, null) : (null, Invalid(errors));
    }

    /// <summary>Reads a domain alias body: the kind's input itself.</summary>
    public async Task<(JobSubmission? Submission, SubmissionRejection? Rejection)> ReadInputAsync(IJobKind kind, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var (document, fingerprint, rejection) = await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        if (document is null) return (null, rejection);
        var errors = new ValidationErrors();
        var submission = ParseInput(kind, document.RootElement, 0, null, "", errors);
        return submission is null ? (null, Invalid(errors)) : (submission with { Fingerprint = fingerprint }, null);
    }

    private JobSubmission? ParseEnvelope(JsonElement root, string prefix, ValidationErrors errors, out string? unknownKind)
    {
        unknownKind = null;
        var before = errors.Count;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), "must be a JSON object { kind, input, priority?, deadlineSeconds? }.");
            return null;
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!EnvelopeFields.Contains(property.Name)) errors.Add(prefix + property.Name, "is not a known field.");
        }

        string? kindName = null;
        if (!root.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String)
        {
            errors.Add(prefix + "kind", "is required and must be a string such as \"pixels.entropy\".");
        }
        else
        {
            kindName = kindElement.GetString();
        }
        if (!root.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Object)
        {
            errors.Add(prefix + "input", "is required and must be a JSON object.");
        }
        var priority = ReadInt(root, prefix, "priority", 0, QueueNames.MaxPriority, errors) ?? 0;
        var deadline = ReadInt(root, prefix, "deadlineSeconds", 1, options.Value.MaxDeadlineSeconds, errors);
        if (errors.Count > before) return null;

        var kind = kinds.Find(kindName);
        if (kind is null)
        {
            unknownKind = kindName;
            errors.Add(prefix + "kind", $"'{kindName}' is not a known kind. Known kinds: {string.Join(", ", kinds.Names)}.");
            return null;
        }
        return ParseInput(kind, input, priority, deadline, prefix, errors);
    }

    private static JobSubmission? ParseInput(IJobKind kind, JsonElement input, int priority, int? deadline, string prefix, ValidationErrors errors)
    {
        var parsed = kind.Parse(input);
        // No Clone: the input stays in the request's document (alive until the response is sent), not a second copy.
        if (parsed.IsValid) return new JobSubmission(kind, input, priority, deadline);
        foreach (var (field, messages) in parsed.Errors.ToDictionary())
        {
            foreach (var message in messages) errors.Add(prefix + field, message);
        }
        return null;
    }

    private async Task<(JsonDocument?, string?, SubmissionRejection?)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, null, new SubmissionRejection(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
                "Unsupported media type.", "media_type", Detail: $"Send the body as application/json (was '{request.ContentType ?? "none"}')."));
        }

        var limit = options.Value.MaxBodyBytes;
        if (request.ContentLength > limit) return (null, null, TooLarge(limit));
        // Kestrel's limit is this same setting (IngestExtensions), but for a chunked body Kestrel counts the chunk
        // framing too, so a body of exactly the limit would be refused. The loop below holds the body to the limit.
        if (request.ContentLength is null && request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = null;
        }

        // The body's bytes are held against the process-wide budget (Ingest:MaxBufferedBodyBytes) until the response
        // is sent: that is how long the request uses the body and its parsed document.
        var lease = budget.Open();
        request.HttpContext.Response.RegisterForDispose(lease);
        if (request.ContentLength is { } declared && !lease.TryCover(declared)) return (null, null, Overloaded());

        var (body, overBudget) = await ReadBodyAsync(request, limit, lease, cancellationToken).ConfigureAwait(false);
        if (overBudget) return (null, null, Overloaded());
        if (body is not { } read) return (null, null, TooLarge(limit));
        // The parser leaves text inside strings undecoded; invalid UTF-8 or an escaped lone surrogate would
        // only throw later, on first read, as a 500. Refuse both here.
        if (!System.Text.Unicode.Utf8.IsValid(read.Span)) return (null, null, Undecodable("body", "is not valid UTF-8."));
        JsonDocument document;
        try
        {
            // Parse(ReadOnlyMemory) uses the body in place. An accepted document is left to the GC, not disposed: the
            // published message's input is an element of it, and the bus (or its test harness) may keep the message.
            document = JsonDocument.Parse(read, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var errors = new ValidationErrors();
            errors.Add("body", $"is not valid JSON: {ex.Message}");
            return (null, null, Invalid(errors));
        }
        if (read.Span.IndexOf("\\u"u8) >= 0 && FirstUndecodable(document.RootElement, "") is { } path)
        {
            document.Dispose();
            return (null, null, Undecodable(path.Length == 0 ? "body" : path.TrimStart('.'), "holds an escaped lone surrogate (\\uD800–\\uDFFF), which is not text."));
        }
        return (document, Convert.ToHexString(SHA256.HashData(read.Span)), null);
    }

    /// <summary>
    /// The body in one array: of exactly Content-Length bytes when it is declared (no growing and copying), else grown
    /// as a chunked body arrives, at most limit + 1 bytes. Null when over the limit; OverBudget when the budget is spent.
    /// </summary>
    private static async Task<(ReadOnlyMemory<byte>? Body, bool OverBudget)> ReadBodyAsync(HttpRequest request, long limit, BodyBudget.Lease lease, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            var exact = new byte[declared];
            var filled = 0;
            int got;
            while (filled < exact.Length && (got = await request.Body.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0) filled += got;
            return (exact.AsMemory(0, filled), false);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return (null, false);
            if (!lease.TryCover(buffer.Length + read)) return (null, true);
            buffer.Write(chunk, 0, read);
        }
        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false);
    }

    /// <summary>The path of the first property name or string that cannot be decoded, or null.</summary>
    private static string? FirstUndecodable(JsonElement element, string path)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (FirstUndecodable(property.Value, path + "." + property.Name) is { } inner) return inner;
                    }
                    return null;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (FirstUndecodable(item, $"{path}[{index++}]") is { } inner) return inner;
                    }
                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return path;
        }
    }

    private static SubmissionRejection Undecodable(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    private static int? ReadInt(JsonElement root, string prefix, string name, int min, int max, ValidationErrors errors)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            errors.Add(prefix + name, $"must be an integer between {min} and {max}.");
            return null;
        }
        return errors.Range(prefix + name, value, min, max) ? value : null;
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private SubmissionRejection Overloaded() =>
        new(StatusCodes.Status503ServiceUnavailable, ProblemTypes.Overloaded, "Prism is not accepting large requests right now.", "overloaded",
            Detail: "Other large requests hold this process's body budget (Ingest:MaxBufferedBodyBytes). Nothing was queued; retry later.",
            RetryAfterSeconds: options.Value.Admission.RetryAfterSeconds);

    private static SubmissionRejection TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Request body too large.", "too_large",
            Detail: $"The body may be at most {limit} bytes (Ingest:MaxBodyBytes).");

    private static SubmissionRejection Invalid(ValidationErrors errors) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The job is invalid.", "invalid", errors);

    private static SubmissionRejection UnknownKind(ValidationErrors errors) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.UnknownKind, "Unknown job kind.", "unknown_kind", errors);
}
