using System.Net;
using System.Text.Json;
using Prism.Contracts.Api;

namespace Prism.Client;

/// <summary>503 or 429: nothing was accepted; try again after <see cref="RetryAfter"/> (when the server said).</summary>
public sealed class PrismUnavailableException : PrismApiException
{
    /// <summary>Creates the exception from a 503/429 answer.</summary>
    public PrismUnavailableException(HttpStatusCode status, string? type, string? title, string? detail, TimeSpan? retryAfter,
        IReadOnlyDictionary<string, JsonElement>? extensions = null)
        : base(status, type, title, detail, extensions: extensions)
    {
        RetryAfter = retryAfter;
        Accepted = extensions is not null && extensions.TryGetValue("accepted", out var accepted) && accepted.ValueKind == JsonValueKind.Array
            ? accepted.Deserialize<JobReceipt[]>(PrismClient.JsonOptions) ?? []
            : [];
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PrismUnavailableException() { }

    /// <summary>Creates the exception with a message only.</summary>
    public PrismUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PrismUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>From the <c>Retry-After</c> header; null when the server did not send one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// For a batch the broker confirmed only in part: the jobs that were accepted (and will run). Empty when nothing was.
    /// Resubmitting the whole batch would run these twice.
    /// </summary>
    public IReadOnlyList<JobReceipt> Accepted { get; } = [];
}
