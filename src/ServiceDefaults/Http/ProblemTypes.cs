namespace Prism.ServiceDefaults.Http;

/// <summary>Stable <c>type</c> URIs of Prism's problem responses; clients may switch on them.</summary>
public static class ProblemTypes
{
    private const string Base = "https://prism.dev/problems/";
    public const string Validation = Base + "validation";
    public const string BadRequest = Base + "bad-request";
    public const string UnknownKind = Base + "unknown-kind";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";
    public const string Unavailable = Base + "unavailable";
    public const string Internal = Base + "internal";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string TooManyRequests = Base + "too-many-requests";
    public const string Overloaded = Base + "overloaded";
    public const string QuotaExceeded = Base + "quota-exceeded";
}
