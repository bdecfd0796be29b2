using System.Net;

namespace Prism.Client;

/// <summary>400: the request (usually a job input) is invalid; <see cref="PrismApiException.Errors"/> names every bad field.</summary>
public sealed class PrismValidationException : PrismApiException
{
    /// <summary>Creates the exception from a validation problem.</summary>
    public PrismValidationException(string? type, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors)
        : base(HttpStatusCode.BadRequest, type, title, detail, errors) { }

    /// <summary>Creates the exception with a message only.</summary>
    public PrismValidationException() { }

    /// <summary>Creates the exception with a message only.</summary>
    public PrismValidationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PrismValidationException(string message, Exception innerException) : base(message, innerException) { }
}
