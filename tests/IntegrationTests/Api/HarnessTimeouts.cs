using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Prism.IntegrationTests.Api;

/// <summary>
/// The harness's default inactivity timeout (~1 s) ends a wait before a cold consumer on a busy
/// 2-core machine has run; these give it time without slowing the passing case.
/// </summary>
public static class HarnessTimeouts
{
    public static IServiceCollection UseGenerousHarnessTimeouts(this IServiceCollection services) =>
        services.Configure<TestHarnessOptions>(o =>
        {
            o.TestTimeout = TimeSpan.FromSeconds(60);
            o.TestInactivityTimeout = TimeSpan.FromSeconds(10);
        });
}
