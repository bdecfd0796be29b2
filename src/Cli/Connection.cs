using Prism.Client;

namespace Prism.Cli;

/// <summary>Where the CLI talks to: <c>--url</c>/<c>PRISM_URL</c>, <c>--results-url</c>/<c>PRISM_RESULTS_URL</c>, <c>--api-key</c>/<c>PRISM_API_KEY</c>.</summary>
public sealed record Connection(Uri Url, Uri? ResultsUrl, string? ApiKey)
{
    public const string DefaultUrl = "http://localhost:8080";
    public const string UrlVariable = "PRISM_URL";
    public const string ResultsUrlVariable = "PRISM_RESULTS_URL";
    public const string ApiKeyVariable = "PRISM_API_KEY";

    /// <summary>
    /// Options win over the environment. <c>PRISM_RESULTS_URL</c> is used only when the ingest URL also comes from the
    /// environment: <c>--url</c> alone points everything at that one server.
    /// </summary>
    public static Connection Resolve(string? url, string? resultsUrl, string? apiKey, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var ingest = Parse(url ?? NonEmpty(environment(UrlVariable)) ?? DefaultUrl, url is null ? UrlVariable : "--url");
        var results = resultsUrl is not null ? Parse(resultsUrl, "--results-url")
            : url is null && NonEmpty(environment(ResultsUrlVariable)) is { } fromEnvironment ? Parse(fromEnvironment, ResultsUrlVariable)
            : null;
        return new Connection(ingest, results, apiKey ?? NonEmpty(environment(ApiKeyVariable)));
    }

    public PrismClient CreateClient(HttpClient http) => new(http, new PrismClientOptions { BaseUrl = Url, ResultsUrl = ResultsUrl, ApiKey = ApiKey });

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri Parse(string value, string source) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliException(ExitCodes.Usage, $"{source} must be an absolute http(s) URL (was '{value}').");
}
