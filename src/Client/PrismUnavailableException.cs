using System.Net;

namespace Prism.Client;

/// <summary>503 or 429: nothing was accepted; try again after <see cref="RetryAfter"/> (when the server said).</summary>
public sealed class PrismUnavailableException : PrismApiException
{
    /// <summary>Creates the exception from a 503/429 answer.</summary>
    public PrismUnavailableException(HttpStatusCode status, string? type, string? title, string? detail, TimeSpan? retryAfter)
        : base(status, type, title, detail)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PrismUnavailableException() { }

    /// <summary>Creates the exception with a message only.</summary>
    public PrismUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PrismUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>From the <c>Retry-After</c> header; null when the server did not send one.</summary>
    public TimeSpan? RetryAfter { get; }
}
