using System.Net;
using System.Text.Json;

namespace Prism.Client;

/// <summary>Turns an error response into the matching <see cref="PrismApiException"/>.</summary>
internal static class ProblemReader
{
    public static async Task<PrismApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? type = null, title = null, detail = null;
        Dictionary<string, string[]>? errors = null;
        Dictionary<string, JsonElement>? extensions = null;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (IsJson(response) && body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    type = StringOf(root, "type");
                    title = StringOf(root, "title");
                    detail = StringOf(root, "detail");
                    errors = ErrorsOf(root);
                    extensions = ExtensionsOf(root);
                }
            }
            catch (JsonException)
            {
                detail = Truncate(body);
            }
        }
        else if (body.Length > 0)
        {
            detail = Truncate(body);
        }

        var status = response.StatusCode;
        if (status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
        {
            return new PrismUnavailableException(status, type, title, detail, RetryAfterOf(response), extensions);
        }
        if (status == HttpStatusCode.BadRequest && errors is { Count: > 0 })
        {
            return new PrismValidationException(type, title, detail, errors);
        }
        return new PrismApiException(status, type, title, detail, errors, extensions);
    }

    private static readonly HashSet<string> StandardMembers = new(StringComparer.Ordinal) { "type", "title", "status", "detail", "instance", "errors" };

    private static Dictionary<string, JsonElement>? ExtensionsOf(JsonElement root)
    {
        Dictionary<string, JsonElement>? extensions = null;
        foreach (var member in root.EnumerateObject())
        {
            if (StandardMembers.Contains(member.Name)) continue;
            extensions ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            extensions[member.Name] = member.Value.Clone();
        }
        return extensions;
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string[]>? ErrorsOf(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object) return null;
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in errors.EnumerateObject())
        {
            result[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.Array => field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText()).ToArray(),
                JsonValueKind.String => [field.Value.GetString()!],
                _ => [field.Value.GetRawText()],
            };
        }
        return result;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retry = response.Headers.RetryAfter;
        if (retry?.Delta is { } delta) return delta;
        if (retry?.Date is { } date)
        {
            var left = date - DateTimeOffset.UtcNow;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
        return null;
    }

    private static string Truncate(string body) => body.Length > 500 ? body[..500] + "…" : body;
}
