using System.Net;
using System.Text.Json;

namespace Prism.Client;

/// <summary>
/// The API answered with an error: an RFC 9457 problem (<see cref="Type"/>, <see cref="Title"/>, <see cref="Detail"/>,
/// <see cref="Errors"/>) or, from something in front of Prism, a bare status code.
/// </summary>
public class PrismApiException : Exception
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();
    private static readonly IReadOnlyDictionary<string, JsonElement> NoExtensions = new Dictionary<string, JsonElement>();

    /// <summary>Creates the exception from a problem response.</summary>
    public PrismApiException(HttpStatusCode status, string? type, string? title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, JsonElement>? extensions = null, Exception? innerException = null)
        : base(Describe(status, title, detail, errors), innerException)
    {
        Status = status;
        Type = type;
        Title = title;
        Detail = detail;
        Errors = errors ?? NoErrors;
        Extensions = extensions ?? NoExtensions;
    }

    /// <summary>Creates the exception with a message only (no response).</summary>
    public PrismApiException() : this(HttpStatusCode.InternalServerError, null, null, null) { }

    /// <summary>Creates the exception with a message only (no response).</summary>
    public PrismApiException(string message) : base(message)
    {
        Status = HttpStatusCode.InternalServerError;
        Errors = NoErrors;
        Extensions = NoExtensions;
    }

    /// <summary>Creates the exception with a message and a cause (no response).</summary>
    public PrismApiException(string message, Exception innerException) : base(message, innerException)
    {
        Status = HttpStatusCode.InternalServerError;
        Errors = NoErrors;
        Extensions = NoExtensions;
    }

    /// <summary>HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Stable problem type URI, e.g. <c>https://prism.dev/problems/not-found</c>; null when the answer was not a problem.</summary>
    public string? Type { get; }

    /// <summary>Short summary of the problem.</summary>
    public string? Title { get; }

    /// <summary>What went wrong with this request.</summary>
    public string? Detail { get; }

    /// <summary>Field path → messages (e.g. <c>input.pixels</c>, or <c>[3].input.width</c> for a batch); empty when none.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The problem's other members (e.g. <c>jobId</c> of a 409, <c>accepted</c> of a partly published batch), as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; }

    private static string Describe(HttpStatusCode status, string? title, string? detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        var text = $"{(int)status} {title ?? status.ToString()}";
        if (!string.IsNullOrEmpty(detail)) text += $" {detail}";
        if (errors is { Count: > 0 })
        {
            text += " " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        }
        return text;
    }
}
