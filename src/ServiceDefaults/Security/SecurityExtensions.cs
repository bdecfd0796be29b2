using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prism.ServiceDefaults.Http;

namespace Prism.ServiceDefaults.Security;

/// <summary>
/// API keys, role policies and per-key rate limits, written once for every Prism process. Endpoints state
/// what they need with <c>RequireAuthorization(PrismPolicies.X)</c>; health and metrics need nothing.
/// </summary>
public static class SecurityExtensions
{
    public static IHostApplicationBuilder AddPrismSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddSingleton<ApiKeyRing>();

        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PrismPolicies.Read, p => p.RequireAuthenticatedUser().RequireRole(PrismRoles.Read, PrismRoles.Submit, PrismRoles.Admin))
            .AddPolicy(PrismPolicies.Submit, p => p.RequireAuthenticatedUser().RequireRole(PrismRoles.Submit, PrismRoles.Admin))
            .AddPolicy(PrismPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(PrismRoles.Admin));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>
    /// Authentication, then rate limiting (partitioned by the key it found, else by IP), then authorization:
    /// limiting before the 401/403 is what makes guessing keys slow.
    /// </summary>
    public static WebApplication UsePrismSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>True when <c>Prism:Auth:Enabled</c> is set, for start-up messages.</summary>
    public static bool AuthEnabled(this IConfiguration configuration) =>
        configuration.GetValue<bool>(AuthOptions.SectionName + ":Enabled");

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("auth-off");

        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirst(ClaimTypes.Role)?.Value is { } role)
        {
            return Bucket("key:" + user.Identity.Name, options.RateLimits.ForRole(role));
        }
        return Bucket("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.RateLimits.Anonymous);
    }

    private static RateLimitPartition<string> Bucket(string partition, TokenBucketSettings settings) =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This key's (or, without a key, this address's) request rate is exceeded. Retry after {seconds} s.",
            },
        }).ConfigureAwait(false);
    }
}
