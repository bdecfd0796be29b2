namespace Prism.Results.Apis;

/// <summary>
/// Which pages may open <c>/ws</c>: its own origin, the ones listed in
/// <see cref="ResultsOptions.WebSocketAllowedOrigins"/> (<c>*</c> = any), and clients that send no
/// <c>Origin</c> (browsers always send one on a WebSocket handshake; CLIs and services do not).
/// </summary>
public static class WebSocketOrigins
{
    public static bool Allows(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowed);
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        // "null" (a sandboxed frame or a file: page) is not a URI and matches nothing but "*".
        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return true;
        return allowed.Any(a => a == "*" || string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A setting entry is <c>*</c> or a scheme, host and optional port, as browsers send it (no path).</summary>
    public static bool IsValidSetting(string entry) =>
        entry == "*" || (Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query));
}
