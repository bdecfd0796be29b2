using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Prism.ServiceDefaults.Http;

namespace Prism.ServiceDefaults.Security;

/// <summary>
/// Reads the key from <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-API-Key</c>. With auth off every
/// caller is the anonymous admin of no tenant, so endpoints need no second code path.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<AuthOptions> auth, ApiKeyRing keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "X-API-Key";
    public const string AnonymousName = "anonymous";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!auth.Value.Enabled) return Task.FromResult(Success(new ApiKeyCaller(AnonymousName, PrismRoles.Admin, null)));

        var presented = PresentedKey(Request);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        var caller = keys.Find(presented);
        if (caller is null)
        {
            LogRejected(Logger, Context.Connection.RemoteIpAddress);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }
        return Task.FromResult(Success(caller));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "An API key is required.",
            $"Send a valid key as 'Authorization: Bearer <key>' or '{ApiKeyHeader}: <key>'.").ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirst(ClaimTypes.Role)?.Value ?? "none";
        await WriteProblemAsync(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "This key's role may not do that.",
            $"The key's role is '{role}'.").ConfigureAwait(false);
    }

    /// <summary>The key a request carries, or null. An empty or malformed Authorization header counts as none.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[ApiKeyHeader];
        if (header.Count == 1 && !string.IsNullOrWhiteSpace(header[0])) return header[0]!.Trim();
        var authorization = request.Headers[HeaderNames.Authorization];
        if (authorization.Count == 1 && authorization[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var key = value["Bearer ".Length..].Trim();
            return key.Length == 0 ? null : key;
        }
        return null;
    }

    private AuthenticateResult Success(ApiKeyCaller caller)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, caller.Name), new(ClaimTypes.Role, caller.Role) };
        if (caller.Tenant is not null) claims.Add(new Claim(PrismClaims.Tenant, caller.Tenant));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private Task WriteProblemAsync(int status, string type, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        }).AsTask();

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected an unknown API key from {RemoteIp}")]
    private static partial void LogRejected(ILogger logger, System.Net.IPAddress? remoteIp);
}
